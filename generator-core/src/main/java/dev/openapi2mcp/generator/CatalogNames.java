package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.naming.CatalogToolKey;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.generator.naming.OperationKey;
import dev.openapi2mcp.generator.tool.ServerModelFactory.CatalogPart;
import dev.openapi2mcp.generator.tool.ToolModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the tools of a service catalog (issue 4) their final names: {@code {namespace}_{toolName}}, unique across
 * all APIs and within the length limit, through {@link NamingStrategy#catalogToolNames}; Java method names are made
 * again for the whole server so that they stay unique across APIs too.
 *
 * <p>A tool whose name an overrides file (or {@code x-mcp-name}) chose keeps it as is, never prefixed.
 */
final class CatalogNames {
  private CatalogNames() {}

  static List<CatalogPart> apply(List<CatalogPart> parts, NamingStrategy naming) {
    List<CatalogToolKey> keys = new ArrayList<>();
    for (CatalogPart part : parts) {
      for (ToolModel tool : part.tools()) {
        OperationKey operation = new OperationKey(null, tool.http().method().name(), tool.http().path());
        keys.add(new CatalogToolKey(part.namespace(), tool.name(), operation,
            part.chosenNames().contains(tool.name()) ? tool.name() : null));
      }
    }
    List<String> names = naming.catalogToolNames(keys);
    List<String> methods = naming.methodNames(names);
    List<CatalogPart> named = new ArrayList<>();
    int next = 0;
    for (CatalogPart part : parts) {
      List<ToolModel> tools = new ArrayList<>();
      for (ToolModel tool : part.tools()) {
        tools.add(tool.inCatalog(names.get(next), methods.get(next), part.namespace()));
        next++;
      }
      named.add(new CatalogPart(part.namespace(), part.api(), tools, part.chosenNames()));
    }
    return named;
  }
}
