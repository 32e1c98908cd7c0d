package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ApiDefinition;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.Suggestions;
import dev.openapi2mcp.runtime.tool.ToolCall;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolHook;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The executor of a generated server (issue 4): sends each call to the executor that owns its tool, with the tool's
 * {@link ToolHook} around it.
 *
 * <p>Tools backed by an API operation go to a {@link RestToolExecutor} of their own API: in a service catalog one per
 * {@link ApiDefinition} (its own base URL, credentials and redaction, so that credentials of one API never reach
 * another's host), in a server of one API the server's. All of them scrub the secrets of every API from what they
 * return and log (one {@link SecretScrubber}). Hand-written tools go to {@link HandlerToolExecutor}.
 *
 * <p>A hook's {@code before} sees a copy of the client's arguments; what it returns is validated by the executor like
 * a client's arguments. When {@code before} throws, nothing is sent and the call is audited as a handler error; when
 * {@code after} throws, the call (already audited) ends in an error. Both errors name the tool and, as {@link
 * HandlerToolExecutor#reason} says, never the exception's message unless it was written for the model. {@link
 * #execute} never throws; instances are thread-safe.
 */
public final class ToolDispatcher implements ToolExecutor, AutoCloseable {
  private final ServerDefinition definition;
  private final RestToolExecutor plain;
  private final Map<String, RestToolExecutor> byApi;
  private final HandlerToolExecutor handlers;

  private ToolDispatcher(ServerDefinition definition, RestToolExecutor plain, Map<String, RestToolExecutor> byApi,
      ExecutorOptions options) {
    this.definition = definition;
    this.plain = plain;
    this.byApi = byApi;
    this.handlers = new HandlerToolExecutor(options, this::callByName);
  }

  /**
   * The executor for {@code definition}, with credentials from {@code environment} only.
   *
   * @throws IllegalArgumentException as {@link #create(ServerDefinition, String, Map, ExecutorOptions,
   *     UpstreamOptions)}
   */
  public static ToolDispatcher create(ServerDefinition definition, String baseUrl, Map<String, String> apiBaseUrls,
      Map<String, String> environment, ExecutorOptions options) {
    return create(definition, baseUrl, apiBaseUrls, options, UpstreamOptions.environment(environment));
  }

  /**
   * The executor for {@code definition}.
   *
   * @param baseUrl the base URL of a server of one API ({@code --base-url URL}), or null for its default
   * @param apiBaseUrls base URLs by API name of a catalog ({@code --base-url NAME=URL}); the others keep their default
   * @param upstream credential sources, TLS, forwarded headers and token exchange (issue 5), for every API; each API
   *     still reads only credentials of its own scope
   * @throws IllegalArgumentException when a base URL names an API the server does not declare, an API (or the server)
   *     has tools but no usable base URL, or a credential holds a value that cannot be sent
   */
  public static ToolDispatcher create(ServerDefinition definition, String baseUrl, Map<String, String> apiBaseUrls,
      ExecutorOptions options, UpstreamOptions upstream) {
    for (String name : apiBaseUrls.keySet()) {
      if (definition.api(name).isEmpty()) {
        throw new IllegalArgumentException("--base-url names API '" + name + "', which server '" + definition.name()
            + "' does not have" + Suggestions.didYouMean(name, definition.apis().stream().map(ApiDefinition::name)
                .toList()));
      }
    }
    Map<String, RestToolExecutor> byApi = new LinkedHashMap<>();
    RestToolExecutor plain = null;
    // One registry for all: an API's answer may not carry another API's credential either.
    SecretScrubber secrets = new SecretScrubber();
    try {
      for (ApiDefinition api : definition.apis()) {
        if (definition.tools().stream().anyMatch(tool -> api.name().equals(tool.api()) && tool.http() != null)) {
          byApi.put(api.name(), RestToolExecutor.forApi(definition, api, apiBaseUrls.get(api.name()), options,
              upstream, secrets));
        }
      }
      if (definition.tools().stream().anyMatch(tool -> tool.api() == null && tool.http() != null)) {
        plain = RestToolExecutor.create(definition, baseUrl, options, upstream, secrets);
      }
    } catch (RuntimeException e) {
      byApi.values().forEach(RestToolExecutor::close);
      throw e;
    }
    return new ToolDispatcher(definition, plain, Map.copyOf(byApi), options);
  }

  /**
   * The start-up warnings for tools that would go out without credentials, one line for the server's own API and
   * one per API of a catalog that has such tools; names of variables only, never values.
   */
  public List<String> missingCredentials() {
    List<String> warnings = new ArrayList<>();
    if (plain != null) {
      plain.missingCredentials(toolsOf(null)).ifPresent(warnings::add);
    }
    byApi.forEach((api, executor) -> executor.missingCredentials(toolsOf(api)).ifPresent(warnings::add));
    return List.copyOf(warnings);
  }

  private List<ToolDefinition> toolsOf(String api) {
    return definition.tools().stream().filter(tool -> Objects.equals(api, tool.api())).toList();
  }

  @Override
  public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    ObjectNode args = arguments != null ? arguments : JsonText.MAPPER.createObjectNode();
    ToolHook hook = definition.hooks().get(tool.name());
    if (hook == null) {
      return dispatch(tool, args, Map.of(), context);
    }
    String refused = "The hook of tool '" + tool.name() + "' failed before the call (nothing was sent): ";
    ToolCall call;
    try {
      call = hook.before(new ToolCall(tool, args.deepCopy(), Map.of(), context));
    } catch (Exception e) {
      handlers.auditRefused(tool, args, context, Outcome.HANDLER_ERROR);
      return ToolResult.error(refused + HandlerToolExecutor.reason(e, "the hook of tool '" + tool.name()
          + "' failed before the call"));
    }
    if (call == null) {
      handlers.auditRefused(tool, args, context, Outcome.HANDLER_ERROR);
      return ToolResult.error(refused + "before() returned no call");
    }
    ToolResult result = dispatch(tool, call.arguments(), call.headers(), context);
    String failed = "The hook of tool '" + tool.name() + "' failed after the call: ";
    ToolResult changed;
    try {
      changed = hook.after(call, result);
    } catch (Exception e) {
      return ToolResult.error(failed + HandlerToolExecutor.reason(e, "the hook of tool '" + tool.name()
          + "' failed after the call"));
    }
    return changed != null ? changed : ToolResult.error(failed + "after() returned no result");
  }

  /** As the audit record of the executor that owns {@code tool} shows them. */
  @Override
  public ObjectNode redactedArguments(ToolDefinition tool, ObjectNode arguments) {
    RestToolExecutor executor = restExecutor(tool);
    return executor != null
        ? executor.redactedArguments(tool, arguments)
        : handlers.redactedArguments(tool, arguments);
  }

  /** Audited by the executor that owns {@code tool}. */
  @Override
  public void notConfirmed(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    RestToolExecutor executor = restExecutor(tool);
    if (executor != null) {
      executor.notConfirmed(tool, arguments, context);
    } else {
      handlers.auditRefused(tool, arguments, context, Outcome.NOT_CONFIRMED);
    }
  }

  /** The REST executor of {@code tool}'s API; null for a hand-written tool, or one not part of the definition. */
  private RestToolExecutor restExecutor(ToolDefinition tool) {
    if (tool.handler() != null) {
      return null;
    }
    return tool.api() == null ? plain : byApi.get(tool.api());
  }

  private ToolResult dispatch(ToolDefinition tool, ObjectNode arguments, Map<String, String> headers,
      CallContext context) {
    if (tool.handler() != null) {
      return handlers.execute(tool, arguments, context);
    }
    RestToolExecutor executor = restExecutor(tool);
    if (executor == null) {
      // Only a tool that is not part of the definition gets here.
      return ToolResult.error("Tool '" + tool.name() + "' is not part of server '" + definition.name() + "'");
    }
    return executor.execute(tool, arguments, context, headers);
  }

  /** How hand-written tools call other tools: by name, with hooks, as a client would. */
  private ToolResult callByName(String toolName, ObjectNode arguments, CallContext context) {
    ToolDefinition tool = definition.tool(toolName).orElseThrow(() -> new IllegalArgumentException(
        "server '" + definition.name() + "' has no tool '" + toolName + "'" + Suggestions.didYouMean(toolName,
            definition.tools().stream().map(ToolDefinition::name).toList())));
    return execute(tool, arguments, context);
  }

  /** Closes every API's HTTP client. */
  @Override
  public void close() {
    if (plain != null) {
      plain.close();
    }
    byApi.values().forEach(RestToolExecutor::close);
  }
}
