package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.RuntimeVersion;
import dev.openapi2mcp.runtime.credentials.TokenExchange;
import dev.openapi2mcp.runtime.credentials.UpstreamTls;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.InboundHeaders;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Executes tool calls as HTTP requests to the API: check the arguments against the tool's input schema, build the
 * request from the tool's {@link dev.openapi2mcp.runtime.tool.HttpBinding}, attach the configured credentials, send
 * it, map the response to a {@link ToolResult}, and write one audit line.
 *
 * <p>Guarantees: invalid arguments never cause a request; every call, whatever its outcome, writes exactly one
 * audit line; credentials (see {@link Credentials} for the environment variables) never appear in results or audit
 * lines; {@link #execute} never throws. Upstream authentication beyond the environment (credential sources, mutual
 * TLS, client-credentials tokens, forwarded headers, token exchange) comes with {@link UpstreamOptions} (issue 5).
 * One {@link OkHttpClient} (one connection pool) serves all calls; instances
 * are thread-safe. Connection failures are not retried and redirects are not followed (a redirect could carry
 * credentials to another host); both are reported.
 */
public final class RestToolExecutor implements ToolExecutor, AutoCloseable {
  /**
   * Built on a thread of its own: OkHttp's set-up (TLS trust roots above all) takes about 0.2 s, which would
   * otherwise delay the server's first answer. The first call waits for it if it is not ready yet.
   */
  private final CompletableFuture<OkHttpClient> client;
  private final ExecutorOptions options;
  private final ArgumentValidator validator = new ArgumentValidator();
  private final RequestFactory requests;
  private final ResponseMapper responses;
  private final Redactor redactor;
  private final Credentials credentials;
  private final AuditLog audit;

  private RestToolExecutor(ServerDefinition definition, HttpUrl baseUrl, ExecutorOptions options,
      UpstreamOptions upstream) {
    this.options = options;
    this.client = CompletableFuture.supplyAsync(() -> buildClient(options, upstream.tls()), runnable -> {
      Thread thread = new Thread(runnable, "openapi2mcp-http-client-init");
      thread.setDaemon(true);
      thread.start();
    });
    this.credentials = Credentials.load(definition, upstream.credentials(),
        new Credentials.TokenClients(baseUrl, options.clock(), client::join));
    this.redactor = new Redactor(definition);
    this.requests = new RequestFactory(baseUrl, credentials, redactor, userAgent(),
        new LocalFiles(options.fileRoot(), options.maxFileBytes()), new ForwardedHeaders(upstream.forwardHeaders()),
        tokenExchange(upstream, credentials, options, client::join));
    this.responses = new ResponseMapper(options.maxResponseBytes(), credentials, validator);
    this.audit = new AuditLog(options.auditSink());
  }

  private static TokenExchange tokenExchange(UpstreamOptions upstream, Credentials credentials,
      ExecutorOptions options, Supplier<OkHttpClient> client) {
    if (upstream.tokenExchangeUrl() == null) {
      return null;
    }
    HttpUrl url = HttpUrl.get(upstream.tokenExchangeUrl());
    Credentials.ClientIdentity identity = credentials.exchangeClient();
    return new TokenExchange(url, identity == null ? null : identity.id(), identity == null ? null
        : identity.secret(), upstream.tokenExchangeAudience(), options.clock(), client);
  }

  private static OkHttpClient buildClient(ExecutorOptions options, UpstreamTls tls) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    if (tls != null) {
      tls.apply(builder);
    }
    return builder
        .addInterceptor(new UpstreamTokenInterceptor())
        .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }

  /**
   * An executor with the default options (1 MiB response budget, 10/60/120 s timeouts, audit on stderr).
   *
   * @param definition the server whose tools this executes
   * @param baseUrl the API base URL (the {@code --base-url} option), or null for the spec's server URL
   * @param environment where credentials are read from (normally {@code System.getenv()})
   * @throws IllegalArgumentException when there is no base URL, it is not an absolute http(s) URL, or a credential
   *     variable holds a value that cannot be sent; the message names the URL or variable (never a value)
   */
  public static RestToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment) {
    return create(definition, baseUrl, environment, ExecutorOptions.defaults());
  }

  /**
   * As {@link #create(ServerDefinition, String, Map)}, with explicit options.
   *
   * @throws IllegalArgumentException as {@link #create(ServerDefinition, String, Map)}
   */
  public static RestToolExecutor create(
      ServerDefinition definition, String baseUrl, Map<String, String> environment, ExecutorOptions options) {
    return create(definition, baseUrl, options, UpstreamOptions.environment(environment));
  }

  /**
   * As {@link #create(ServerDefinition, String, Map)}, with explicit options and upstream authentication (issue 5:
   * credential sources, TLS, forwarded headers, token exchange).
   *
   * @throws IllegalArgumentException as {@link #create(ServerDefinition, String, Map)}, naming the source of a
   *     value that cannot be sent
   */
  public static RestToolExecutor create(
      ServerDefinition definition, String baseUrl, ExecutorOptions options, UpstreamOptions upstream) {
    String url = baseUrl != null ? baseUrl : definition.baseUrl();
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("server '" + definition.name()
          + "' has no base URL: its OpenAPI description names no server; pass --base-url");
    }
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new IllegalArgumentException("base URL '" + url + "' of server '" + definition.name()
          + "' is not an absolute http or https URL; pass --base-url with one");
    }
    return new RestToolExecutor(definition, parsed, options, upstream);
  }

  /**
   * One line per credential variable the server reads, for {@code --help}: the variable, the scheme and where the
   * value is sent. Deterministic: in the order the definition declares its security schemes.
   */
  public static List<String> describeCredentials(ServerDefinition definition) {
    return Credentials.describe(definition);
  }

  @Override
  public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    long started = System.nanoTime();
    Instant time = options.clock().instant();
    ObjectNode args = arguments != null ? arguments : JsonText.MAPPER.createObjectNode();
    String method = tool.http().method();
    String url = null;
    Integer status = null;
    Outcome outcome;
    ToolResult result;
    try {
      List<String> problems = validator.validate(tool, args);
      if (!problems.isEmpty()) {
        result = invalidArguments(tool, problems);
        outcome = Outcome.INVALID_ARGUMENTS;
      } else {
        PreparedRequest request = requests.build(tool, args,
            context == null ? InboundHeaders.NONE : context.inboundHeaders());
        url = request.displayUrl().toString();
        try (Response response = client.join().newCall(request.request()).execute()) {
          ResponseMapper.Mapped mapped = responses.map(tool, request, response);
          result = mapped.result();
          outcome = mapped.outcome();
          status = mapped.status();
        } catch (IOException e) {
          result = ToolResult.error(NetworkFailures.describe(e, request, options));
          outcome = Outcome.NETWORK_ERROR;
        }
      }
    } catch (InvalidRequestException e) {
      result = invalidArguments(tool, List.of(e.getMessage()));
      outcome = Outcome.INVALID_ARGUMENTS;
    } catch (RuntimeException e) {
      String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      result = ToolResult.error("Internal error of the openapi2mcp runtime in tool '" + tool.name() + "': "
          + reason);
      outcome = Outcome.INTERNAL_ERROR;
    }
    result = scrub(result);
    writeAudit(new AuditLog.Entry(time, tool.name(), context, redactedArguments(tool, args), method, url, status,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), outcome));
    return result;
  }

  /** Stops the client's threads and closes its pooled connections; calls in flight may fail. */
  @Override
  public void close() {
    client.thenAccept(built -> {
      built.dispatcher().executorService().shutdown();
      built.connectionPool().evictAll();
    });
  }

  private static ToolResult invalidArguments(ToolDefinition tool, List<String> problems) {
    return ToolResult.error("Invalid arguments for tool '" + tool.name() + "' (no request was sent):\n- "
        + String.join("\n- ", problems));
  }

  private ObjectNode redactedArguments(ToolDefinition tool, ObjectNode args) {
    try {
      return redactor.redactArguments(tool, args);
    } catch (RuntimeException e) {
      // Never log what could not be redacted.
      ObjectNode unknown = JsonText.MAPPER.createObjectNode();
      unknown.put("unavailable", "arguments could not be redacted");
      return unknown;
    }
  }

  private void writeAudit(AuditLog.Entry entry) {
    try {
      audit.write(entry);
    } catch (RuntimeException e) {
      // A broken sink must not break the call; say so where operators look.
      System.err.println("openapi2mcp: audit line for tool '" + entry.tool() + "' could not be written: " + e);
    }
  }

  /** Removes credential values from every text block, whatever produced it. */
  private ToolResult scrub(ToolResult result) {
    List<Content> content = result.content().stream()
        .map(block -> block instanceof Content.Text text ? new Content.Text(credentials.scrub(text.text())) : block)
        .toList();
    return new ToolResult(content, result.structuredContent(), result.isError());
  }

  private static String userAgent() {
    return "openapi2mcp/" + RuntimeVersion.get();
  }
}
