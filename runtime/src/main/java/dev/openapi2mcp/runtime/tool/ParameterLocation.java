package dev.openapi2mcp.runtime.tool;

/** Where an OpenAPI parameter travels in the HTTP request. */
public enum ParameterLocation {
  PATH,
  QUERY,
  HEADER,
  COOKIE
}
