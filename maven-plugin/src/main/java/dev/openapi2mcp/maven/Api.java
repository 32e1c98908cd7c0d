package dev.openapi2mcp.maven;

import java.io.File;
import java.util.Map;

/**
 * One {@code <api>} of the {@code apis} parameter: an API of a service catalog (issue 4). Maven sets the fields from
 * the POM; {@link ApiSources} maps them onto the generator's {@code ApiSource}. Filters will join these fields.
 */
public class Api {
  /** The OpenAPI description: a file path (relative to the project directory) or a URL. Required. */
  String spec;

  /** The prefix of this API's tool names and credential variables, {@code [a-z][a-z0-9_-]*}; required. */
  String namespace;

  /** The API base URL to generate instead of the spec's servers, or none. */
  String serverUrl;

  /** Values for the variables of the spec's first server. */
  Map<String, String> serverVariables;

  /** The overrides file (YAML) of this API's tools, or none. */
  File overrides;
}
