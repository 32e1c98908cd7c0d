package dev.openapi2mcp.generator.model;

/** The HTTP methods an OpenAPI path item can hold, in the order operations are listed within one path. */
public enum HttpMethod {
  GET,
  PUT,
  POST,
  DELETE,
  OPTIONS,
  HEAD,
  PATCH,
  TRACE
}
