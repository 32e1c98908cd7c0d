package dev.openapi2mcp.runtime.tool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One API of a service catalog (issue 4): a server that serves the tools of several OpenAPI descriptions gives each
 * its own base URL and security schemes, so that credentials of one API are never sent to another.
 *
 * <p>Invariants: the name matches {@code [a-z][a-z0-9_-]*} (it appears in tool names, in the {@code --base-url
 * NAME=URL} option and, in UPPER_SNAKE, in credential variables {@code {SERVER}_{NAME}_{SCHEME}}); scheme names are
 * unique within the API.
 *
 * @param name the namespace of the API
 * @param title a human-readable title (the spec's {@code info.title}), or null
 * @param baseUrl the API's default base URL, or null when its description gives none
 * @param securitySchemes the schemes the API's tools refer to
 */
public record ApiDefinition(String name, String title, String baseUrl, List<SecurityScheme> securitySchemes) {

  /** What an API name must look like. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  public ApiDefinition {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("API name '" + name + "' must match " + NAME.pattern());
    }
    securitySchemes = List.copyOf(securitySchemes);
    Set<String> seen = new HashSet<>();
    for (SecurityScheme scheme : securitySchemes) {
      if (!seen.add(scheme.name())) {
        throw new IllegalArgumentException("API '" + name + "' declares security scheme '" + scheme.name()
            + "' twice");
      }
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Whether the API declares a scheme of this name. */
  public boolean hasScheme(String schemeName) {
    return securitySchemes.stream().anyMatch(scheme -> scheme.name().equals(schemeName));
  }

  /** Fluent builder used by generated code. */
  public static final class Builder {
    private final String name;
    private String title;
    private String baseUrl;
    private final List<SecurityScheme> securitySchemes = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder baseUrl(String value) {
      this.baseUrl = value;
      return this;
    }

    public Builder securityScheme(SecurityScheme scheme) {
      securitySchemes.add(scheme);
      return this;
    }

    public ApiDefinition build() {
      return new ApiDefinition(name, title, baseUrl, securitySchemes);
    }
  }
}
