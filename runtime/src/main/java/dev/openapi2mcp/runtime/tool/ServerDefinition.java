package dev.openapi2mcp.runtime.tool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a generated server declares: its identity, the API's default base URL, the security schemes
 * and the tools. Tool names are unique (checked here, so a hand-edited definition fails at start, not at call).
 *
 * @param name the server name, as given to the generator (also the prefix of credential variables)
 * @param version the server version (the API's {@code info.version})
 * @param title a human-readable title, or null
 * @param instructions text for the client's model about the server as a whole, or null
 * @param baseUrl the API's base URL from the spec's first server, or null when the spec gives none
 * @param securitySchemes the schemes referenced by tools
 * @param tools the tools, in the order {@code tools/list} returns them
 */
public record ServerDefinition(
    String name,
    String version,
    String title,
    String instructions,
    String baseUrl,
    List<SecurityScheme> securitySchemes,
    List<ToolDefinition> tools) {

  public ServerDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    securitySchemes = List.copyOf(securitySchemes);
    tools = List.copyOf(tools);
    Set<String> seen = new HashSet<>();
    for (ToolDefinition tool : tools) {
      if (!seen.add(tool.name())) {
        throw new IllegalArgumentException("duplicate tool name: " + tool.name());
      }
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Fluent builder used by generated code. */
  public static final class Builder {
    private final String name;
    private String version = "0.0.0";
    private String title;
    private String instructions;
    private String baseUrl;
    private final List<SecurityScheme> securitySchemes = new ArrayList<>();
    private final List<ToolDefinition> tools = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder version(String value) {
      this.version = value;
      return this;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder instructions(String value) {
      this.instructions = value;
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

    public Builder tools(List<ToolDefinition> values) {
      tools.addAll(values);
      return this;
    }

    public Builder tool(ToolDefinition value) {
      tools.add(value);
      return this;
    }

    public ServerDefinition build() {
      return new ServerDefinition(name, version, title, instructions, baseUrl, securitySchemes, tools);
    }
  }
}
