package dev.openapi2mcp.generator.lint;

import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.tool.ToolModel;
import java.util.List;
import java.util.Objects;

/**
 * What lint needs to know about one tool: the tool as generated, the operation it came from, and what the
 * pipeline had to give up on its way.
 *
 * @param tool the tool
 * @param operation the operation it calls
 * @param wantedName the name the operation wanted before length limits ({@code NamingStrategy#wantedToolName})
 * @param schemaCuts where the schema budget cut its schemas ({@code ToolModelFactory#budgetCuts}); empty if nowhere
 * @param outputSchemaLeftOut the bytes of the output schema left out for its size
 *     ({@code ToolModelFactory#outputSchemasLeftOut}, issue 6), or null when none was
 */
public record LintedTool(ToolModel tool, OperationModel operation, String wantedName, List<String> schemaCuts,
    Integer outputSchemaLeftOut) {
  public LintedTool {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(wantedName, "wantedName");
    schemaCuts = schemaCuts == null ? List.of() : List.copyOf(schemaCuts);
  }

  /** A tool that kept its output schema, if it has one. */
  public LintedTool(ToolModel tool, OperationModel operation, String wantedName, List<String> schemaCuts) {
    this(tool, operation, wantedName, schemaCuts, null);
  }
}
