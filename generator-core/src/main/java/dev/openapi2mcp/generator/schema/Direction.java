package dev.openapi2mcp.generator.schema;

/** Which way data flows through a schema; it decides which properties a schema shows. */
public enum Direction {
  /** Arguments the caller sends: {@code readOnly} properties are left out. */
  INPUT,
  /** Results the API returns: {@code writeOnly} properties are left out. */
  OUTPUT;

  /** The keyword that marks properties this direction leaves out. */
  String hiddenKeyword() {
    return this == INPUT ? "readOnly" : "writeOnly";
  }
}
