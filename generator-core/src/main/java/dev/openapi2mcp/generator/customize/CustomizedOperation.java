package dev.openapi2mcp.generator.customize;

import dev.openapi2mcp.generator.model.OperationModel;
import java.util.Objects;

/**
 * An operation that becomes a tool, with how its tool is customized (the overrides file and the spec's
 * {@code x-mcp-*} extensions already weighed).
 */
public record CustomizedOperation(OperationModel operation, ToolSettings settings) {

  public CustomizedOperation {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(settings, "settings");
  }
}
