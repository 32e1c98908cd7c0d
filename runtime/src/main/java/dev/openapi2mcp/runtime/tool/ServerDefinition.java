package dev.openapi2mcp.runtime.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a generated server declares: its identity, the API's default base URL, the security schemes
 * and the tools; for a service catalog (issue 4) the APIs, each with its own base URL and schemes; and the
 * {@link ToolHook}s attached to tools in plain Java.
 *
 * <p>Checked here, so that a hand-edited definition fails at start, not at call: tool names are unique; API names
 * are unique; a tool names an API only if the server declares it; in a catalog, every tool backed by an API
 * operation names its API, and its security schemes are schemes of that API; every hook belongs to a tool. The
 * record is immutable: {@link #withHook} and {@link #withTool} return changed copies.
 *
 * @param name the server name, as given to the generator (also the prefix of credential variables)
 * @param version the server version (the API's {@code info.version})
 * @param title a human-readable title, or null
 * @param instructions text for the client's model about the server as a whole, or null
 * @param baseUrl the API's base URL from the spec's first server, or null when the spec gives none (or the server
 *     is a catalog, whose APIs have their own)
 * @param securitySchemes the schemes referenced by tools of a server of one API
 * @param tools the tools, in the order {@code tools/list} returns them
 * @param apis the APIs of a service catalog; empty for a server of one API
 * @param hooks the hooks by tool name
 */
public record ServerDefinition(
    String name,
    String version,
    String title,
    String instructions,
    String baseUrl,
    List<SecurityScheme> securitySchemes,
    List<ToolDefinition> tools,
    List<ApiDefinition> apis,
    Map<String, ToolHook> hooks) {

  public ServerDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    securitySchemes = List.copyOf(securitySchemes);
    tools = List.copyOf(tools);
    apis = List.copyOf(apis);
    hooks = Collections.unmodifiableMap(new LinkedHashMap<>(hooks));
    Set<String> seen = new HashSet<>();
    for (ToolDefinition tool : tools) {
      if (!seen.add(tool.name())) {
        throw new IllegalArgumentException("duplicate tool name: " + tool.name());
      }
    }
    Map<String, ApiDefinition> byName = new LinkedHashMap<>();
    for (ApiDefinition api : apis) {
      if (byName.put(api.name(), api) != null) {
        throw new IllegalArgumentException("duplicate API name: " + api.name());
      }
    }
    for (ToolDefinition tool : tools) {
      checkApi(tool, byName);
    }
    for (String toolName : hooks.keySet()) {
      if (!seen.contains(toolName)) {
        throw new IllegalArgumentException("a hook is attached to tool '" + toolName + "', which the server "
            + "does not have" + Suggestions.didYouMean(toolName, seen));
      }
    }
  }

  /** A server of one API, without hooks. */
  public ServerDefinition(String name, String version, String title, String instructions, String baseUrl,
      List<SecurityScheme> securitySchemes, List<ToolDefinition> tools) {
    this(name, version, title, instructions, baseUrl, securitySchemes, tools, List.of(), Map.of());
  }

  private static void checkApi(ToolDefinition tool, Map<String, ApiDefinition> apis) {
    if (tool.api() == null) {
      if (!apis.isEmpty() && tool.http() != null) {
        throw new IllegalArgumentException("tool '" + tool.name() + "' of service catalog must name its API, one of "
            + apis.keySet());
      }
      return;
    }
    ApiDefinition api = apis.get(tool.api());
    if (api == null) {
      throw new IllegalArgumentException("tool '" + tool.name() + "' names API '" + tool.api()
          + "', which the server does not declare" + Suggestions.didYouMean(tool.api(), apis.keySet()));
    }
    if (tool.http() == null) {
      return;
    }
    for (List<String> alternative : tool.http().security()) {
      for (String scheme : alternative) {
        if (!api.hasScheme(scheme)) {
          throw new IllegalArgumentException("tool '" + tool.name() + "' uses security scheme '" + scheme
              + "', which API '" + api.name() + "' does not declare" + Suggestions.didYouMean(scheme,
                  api.securitySchemes().stream().map(SecurityScheme::name).toList()));
        }
      }
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Whether this is a service catalog: its tools reach several APIs, each with its own base URL. */
  public boolean catalog() {
    return !apis.isEmpty();
  }

  /** The API of this name, if the server declares it. */
  public Optional<ApiDefinition> api(String apiName) {
    return apis.stream().filter(api -> api.name().equals(apiName)).findFirst();
  }

  /** The tool of this name, if the server has it. */
  public Optional<ToolDefinition> tool(String toolName) {
    return tools.stream().filter(tool -> tool.name().equals(toolName)).findFirst();
  }

  /**
   * This definition with {@code hook} around the tool {@code toolName} (replacing an earlier hook of that tool).
   *
   * @throws IllegalArgumentException when the server has no such tool; the message suggests close names
   */
  public ServerDefinition withHook(String toolName, ToolHook hook) {
    Objects.requireNonNull(hook, "hook");
    Map<String, ToolHook> changed = new LinkedHashMap<>(hooks);
    changed.put(toolName, hook);
    return new ServerDefinition(name, version, title, instructions, baseUrl, securitySchemes, tools, apis, changed);
  }

  /**
   * This definition with more tools after its own, e.g. hand-written ones.
   *
   * @throws IllegalArgumentException when a name is taken or a tool names an API the server does not declare
   */
  public ServerDefinition withTools(ToolDefinition... more) {
    List<ToolDefinition> changed = new ArrayList<>(tools);
    changed.addAll(Arrays.asList(more));
    return new ServerDefinition(name, version, title, instructions, baseUrl, securitySchemes, changed, apis, hooks);
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
    private final List<ApiDefinition> apis = new ArrayList<>();
    private final Map<String, ToolHook> hooks = new LinkedHashMap<>();

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

    /** Declares APIs of a service catalog; their tools name them with {@link ToolDefinition.Builder#api}. */
    public Builder api(ApiDefinition... values) {
      apis.addAll(Arrays.asList(values));
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

    /** Attaches {@code hook} to the tool {@code toolName}; checked by {@link #build()}. */
    public Builder hook(String toolName, ToolHook hook) {
      hooks.put(toolName, Objects.requireNonNull(hook, "hook"));
      return this;
    }

    /**
     * @throws IllegalArgumentException when the definition breaks an invariant of {@link ServerDefinition}
     */
    public ServerDefinition build() {
      return new ServerDefinition(name, version, title, instructions, baseUrl, securitySchemes, tools, apis, hooks);
    }
  }
}
