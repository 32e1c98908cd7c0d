package dev.openapi2mcp.generator.customize;

import dev.openapi2mcp.generator.ApiSource;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.Suggestions;
import dev.openapi2mcp.generator.model.ApiModel;
import dev.openapi2mcp.generator.model.OperationModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for one API, which operations become tools and how each is customized (issue 4): the stage between the
 * model and the tools. See {@code docs/customization.md} for the user's view.
 *
 * <p>Precedence, field by field: the overrides file over the spec's {@code x-mcp-*} extensions over what the spec
 * itself says (summary, composed description, operationId, hints from the HTTP method). Which operations: the filter
 * first, then {@code enabled} / {@code x-mcp-exclude} among those it keeps; so {@code enabled: true} brings back an
 * operation its {@code x-mcp-exclude} leaves out, but never one the filter drops.
 *
 * <p>For an API with namespace {@code ns}, the overrides are the file's top-level {@code operations} with
 * {@code apis.ns.operations} over them, entry by entry. Every operationId in them must be one of the API's (filtered
 * or not: overriding an operation the filter drops is fine), and every namespace under {@code apis} one of the
 * catalog's; otherwise the error names the nearest.
 */
public final class Customizer {
  private Customizer() {}

  /**
   * The operations of {@code api} that become tools, in their order, with their settings.
   *
   * @param source the API's configuration: filter, overrides file, namespace
   * @param namespaces the namespaces of all the APIs of the server (empty for a plain server)
   */
  public static List<CustomizedOperation> apply(ApiSource source, ApiModel api, Set<String> namespaces,
      Diagnostics diagnostics) {
    Overrides overrides = OverridesReader.read(source.overrides(), diagnostics);
    Map<String, ToolSettings> entries = entries(overrides, source.namespace(), namespaces, diagnostics);
    checkOperationIds(entries, api.operations(), diagnostics);

    List<OperationModel> kept = OperationFilter.apply(source.filter(), api.operations(), source.namespace(),
        diagnostics);
    List<CustomizedOperation> tools = new ArrayList<>();
    for (OperationModel operation : kept) {
      ToolSettings fromSpec = ToolSettings.of(operation.extensions());
      ToolSettings entry = operation.operationId() == null ? null : entries.get(operation.operationId());
      ToolSettings settings = entry == null ? fromSpec : ToolSettings.merge(entry, fromSpec);
      if (settings.isEnabled()) {
        tools.add(new CustomizedOperation(operation, settings));
      }
    }
    if (tools.isEmpty() && !kept.isEmpty()) {
      diagnostics.warning("every operation" + (source.namespace() == null ? "" : " of API " + source.namespace())
          + " the filter keeps is disabled (x-mcp-exclude or enabled: false): there are no tools from it", null,
          null);
    }
    return tools;
  }

  /** The file's entries for the API of {@code namespace}; reports namespaces under {@code apis} that do not exist. */
  private static Map<String, ToolSettings> entries(Overrides overrides, String namespace, Set<String> namespaces,
      Diagnostics diagnostics) {
    overrides.apis().keySet().forEach(name -> {
      if (!namespaces.contains(name)) {
        Origin at = Origin.overrides(overrides.file(), "/apis").child(name);
        String detail = namespaces.isEmpty()
            ? "'apis' is only for a service catalog, whose APIs have namespaces"
            : Suggestions.question(name, namespaces);
        at.error(diagnostics, "unknown API namespace '" + name + "'", detail, null);
      }
    });
    Map<String, ToolSettings> entries = new LinkedHashMap<>(overrides.operations());
    Overrides section = namespace == null ? null : overrides.apis().get(namespace);
    if (section != null) {
      section.operations().forEach((operationId, settings) -> {
        ToolSettings general = entries.get(operationId);
        entries.put(operationId, general == null ? settings : ToolSettings.merge(settings, general));
      });
    }
    return entries;
  }

  private static void checkOperationIds(Map<String, ToolSettings> entries, List<OperationModel> operations,
      Diagnostics diagnostics) {
    Set<String> operationIds = new LinkedHashSet<>();
    operations.stream().map(OperationModel::operationId).filter(id -> id != null).forEach(operationIds::add);
    entries.forEach((operationId, settings) -> {
      if (!operationIds.contains(operationId)) {
        settings.origin().error(diagnostics, "unknown operationId '" + operationId + "'",
            Suggestions.question(operationId, operationIds), null);
      }
    });
  }
}
