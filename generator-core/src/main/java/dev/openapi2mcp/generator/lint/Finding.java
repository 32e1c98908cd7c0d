package dev.openapi2mcp.generator.lint;

import java.util.Objects;

/**
 * One lint finding about one tool.
 *
 * @param check what was found
 * @param tool the tool's name
 * @param detail what exactly, e.g. the arguments concerned; never null
 */
public record Finding(Check check, String tool, String detail) {
  public Finding {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return check.label() + (detail.isEmpty() ? "" : ": " + detail);
  }
}
