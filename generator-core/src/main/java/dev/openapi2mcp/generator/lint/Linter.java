package dev.openapi2mcp.generator.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.tool.ToolModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs the lint checks over a server's tools and measures its {@code tools/list} answer. See {@link Check} for the
 * checks, {@link DescriptionRules} for what counts as missing or vague, {@link ToolsListJson} for what is measured
 * and {@link TokenEstimate} for the token estimate.
 *
 * <p>Invariant: the report depends only on the tools and their order (same tools, same report, byte for byte).
 */
public final class Linter {
  private static final String DEFS_PREFIX = "#/$defs/";

  private Linter() {}

  /**
   * @param serverName the server's name, for the report's title
   * @param tools the tools in the server's order
   * @param tokenBudget the most tokens {@code tools/list} may take, or null for no limit
   */
  public static LintReport lint(String serverName, List<LintedTool> tools, Integer tokenBudget) {
    List<Finding> findings = new ArrayList<>();
    List<ToolSize> sizes = new ArrayList<>();
    ObjectNode result = ToolsListJson.result(List.of());
    for (LintedTool tool : tools) {
      ObjectNode entry = ToolsListJson.tool(tool.tool());
      check(tool, entry.get("inputSchema"), findings);
      sizes.add(new ToolSize(tool.tool().name(), ToolsListJson.bytes(entry)));
      result.withArray("tools").add(entry);
    }
    return new LintReport(serverName, findings, sizes, ToolsListJson.bytes(result), tokenBudget,
        ToolsListJson.pretty(result));
  }

  private static void check(LintedTool linted, JsonNode inputSchema, List<Finding> findings) {
    ToolModel tool = linted.tool();
    OperationModel operation = linted.operation();
    if (DescriptionRules.missing(operation.summary(), operation.description())) {
      findings.add(new Finding(Check.MISSING_DESCRIPTION, tool.name(),
          "only " + operation.method() + " " + operation.path()));
    } else {
      String vague = DescriptionRules.vagueTool(operation.summary(), operation.description(), tool.name(),
          operation.method().name(), operation.path());
      if (vague != null) {
        findings.add(new Finding(Check.VAGUE_DESCRIPTION, tool.name(), vague));
      }
    }
    checkArguments(tool.name(), inputSchema, findings);
    if (linted.wantedName().length() > tool.name().length()) {
      findings.add(new Finding(Check.NAME_SHORTENED, tool.name(), "from " + linted.wantedName() + " ("
          + linted.wantedName().length() + " characters)"));
    }
    if (!linted.schemaCuts().isEmpty()) {
      List<String> cuts = linted.schemaCuts();
      findings.add(new Finding(Check.SCHEMA_CUT, tool.name(), cuts.size() == 1 ? "at " + cuts.get(0)
          : "at " + cuts.size() + " places: " + String.join(", ", cuts)));
    }
    if (linted.outputSchemaLeftOut() != null) {
      findings.add(new Finding(Check.OUTPUT_SCHEMA_LEFT_OUT, tool.name(),
          LintReport.number(linted.outputSchemaLeftOut()) + " bytes"));
    }
  }

  private static void checkArguments(String toolName, JsonNode schema, List<Finding> findings) {
    List<String> missing = new ArrayList<>();
    List<String> vague = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String description = description(property.getValue(), schema.path("$defs"));
      if (DescriptionRules.blank(description)) {
        missing.add(property.getKey());
      } else if (DescriptionRules.vagueArgument(description, property.getKey())) {
        vague.add(property.getKey() + " (\"" + description.strip() + "\")");
      }
    }
    if (!missing.isEmpty()) {
      findings.add(new Finding(Check.MISSING_ARGUMENT_DESCRIPTION, toolName, String.join(", ", missing)));
    }
    if (!vague.isEmpty()) {
      findings.add(new Finding(Check.VAGUE_ARGUMENT_DESCRIPTION, toolName, String.join(", ", vague)));
    }
  }

  /** The property's own description, else that of the {@code $defs} entry it refers to; null when neither. */
  private static String description(JsonNode property, JsonNode defs) {
    if (property.path("description").isTextual()) {
      return property.get("description").asText();
    }
    String ref = property.path("$ref").asText("");
    if (ref.startsWith(DEFS_PREFIX)) {
      JsonNode target = defs.path(ref.substring(DEFS_PREFIX.length()).replace("~1", "/").replace("~0", "~"));
      if (target.path("description").isTextual()) {
        return target.get("description").asText();
      }
    }
    return null;
  }
}
