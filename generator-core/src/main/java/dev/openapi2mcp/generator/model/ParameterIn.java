package dev.openapi2mcp.generator.model;

import java.util.Locale;

/** Where a parameter (or an API key) travels in the HTTP request. */
public enum ParameterIn {
  PATH,
  QUERY,
  HEADER,
  COOKIE;

  /** The OpenAPI spelling, e.g. {@code query}. */
  public String openApiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
