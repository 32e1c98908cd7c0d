package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.openapi2mcp.runtime.RuntimeVersion;
import dev.openapi2mcp.runtime.credentials.TokenExchange;
import dev.openapi2mcp.runtime.credentials.UpstreamTls;
import dev.openapi2mcp.runtime.http.resilience.CircuitOpenException;
import dev.openapi2mcp.runtime.http.resilience.FreshConnectionRetry;
import dev.openapi2mcp.runtime.http.resilience.RetryRecord;
import dev.openapi2mcp.runtime.http.resilience.StaleConnectionGuard;
import dev.openapi2mcp.runtime.observability.UpstreamTag;
import dev.openapi2mcp.runtime.mcp.ErrorReference;
import dev.openapi2mcp.runtime.mcp.LogLevel;
import dev.openapi2mcp.runtime.tool.ApiDefinition;
import dev.openapi2mcp.runtime.tool.CallChannel;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.InboundHeaders;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Executes tool calls as HTTP requests to the API: check the arguments against the tool's input schema, build the
 * request from the tool's {@link dev.openapi2mcp.runtime.tool.HttpBinding}, attach the configured credentials, send
 * it, map the response to a {@link ToolResult}, and write one audit record ({@link AuditLog}).
 *
 * <p>After validation, the tool's default argument values fill in what the call left out, and its fixed values are
 * set (see {@link ToolDefinition#fixedArguments()}); the audit line shows the arguments as the caller sent them.
 *
 * <p>Guarantees: invalid arguments never cause a request; every call, whatever its outcome, writes exactly one
 * audit line; credentials (see {@link Credentials} for the environment variables) never appear in results or audit
 * lines; {@link #execute} never throws. Upstream authentication beyond the environment (credential sources, mutual
 * TLS, client-credentials tokens, forwarded headers, token exchange) comes with {@link UpstreamOptions} (issue 5).
 * One {@link OkHttpClient} (one connection pool) serves all calls; instances
 * are thread-safe. Redirects are not followed (a redirect could carry credentials to another host); they are
 * reported. Idempotent calls are retried and each upstream has a circuit breaker, as
 * {@link ExecutorOptions#resilience()} says (issue 5); a result that ends retrying or is refused by a breaker says
 * what happened and when to retry.
 *
 * <p>Long calls (issue 5), through the call's {@link CallChannel}: progress as described in {@link ProgressBody};
 * cancellation aborts the HTTP exchange and the audit line says {@code cancelled}; upstream errors, network
 * failures and response drift become {@code warning} log messages for a client that asked for them.
 */
public final class RestToolExecutor implements ToolExecutor, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RestToolExecutor.class.getName());
  /** The logger name of the client log messages this executor sends. */
  static final String LOGGER = "openapi2mcp.http";
  /** As many idle connections as OkHttp keeps by default. */
  private static final int MAX_IDLE_CONNECTIONS = 5;

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
  /** Whether calls may carry a token exchanged for the caller's, so that bearer schemes need no configured token. */
  private final boolean onBehalfOf;

  /**
   * @param scope the server name, then (for an API of a service catalog) the API's name: what credentials are
   *     looked up under, before the scheme name ({@link dev.openapi2mcp.runtime.credentials.CredentialSources})
   */
  private RestToolExecutor(List<String> scope, List<SecurityScheme> schemes, HttpUrl baseUrl,
      ExecutorOptions options, UpstreamOptions upstream, SecretScrubber secrets) {
    this.options = options;
    this.client = CompletableFuture.supplyAsync(() -> buildClient(options, upstream.tls()), runnable -> {
      Thread thread = new Thread(runnable, "openapi2mcp-http-client-init");
      thread.setDaemon(true);
      thread.start();
    });
    this.credentials = Credentials.load(scope, schemes, upstream.credentials(),
        new Credentials.TokenClients(baseUrl, options.clock(), client::join), secrets);
    this.redactor = new Redactor(schemes, options.redactedHeaders());
    this.requests = new RequestFactory(baseUrl, credentials, redactor, userAgent(),
        new LocalFiles(options.fileRoot(), options.maxFileBytes()), new ForwardedHeaders(upstream.forwardHeaders()),
        tokenExchange(upstream, credentials, options, client::join));
    this.responses = new ResponseMapper(options.maxResponseBytes(), credentials, validator);
    this.audit = new AuditLog(options.auditSink());
    this.onBehalfOf = upstream.tokenExchangeUrl() != null;
  }

  /**
   * The start-up warning for those of {@code tools} that would go out without credentials ({@link
   * MissingCredentials}); empty when all have them, or when token exchange may supply them per call.
   */
  Optional<String> missingCredentials(List<ToolDefinition> tools) {
    return onBehalfOf ? Optional.empty() : MissingCredentials.warning(credentials, tools);
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
    // Outermost: a token is obtained once per call, not per retry, and a token endpoint that fails neither counts
    // against the API's circuit breaker nor opens an upstream span; a 401 renewal goes through retries again.
    builder.addInterceptor(new UpstreamTokenInterceptor());
    for (Interceptor interceptor : options.resilience().interceptors()) {
      builder.addInterceptor(interceptor);
    }
    // After retries and breakers: one span per attempt that is actually sent (issue 5).
    Interceptor tracing = options.tracing().upstreamInterceptor();
    if (tracing != null) {
      builder.addInterceptor(tracing);
    }
    // Innermost, and OkHttp's own retry off: OkHttp would also resend a POST whose body can be replayed after it may
    // have reached the API; these two resend only what the API certainly did not act on (see StaleConnectionGuard).
    ConnectionPool pool = connectionPool(options.keepAlive());
    builder.addInterceptor(new FreshConnectionRetry(pool));
    builder.addNetworkInterceptor(new StaleConnectionGuard());
    return builder
        .connectionPool(pool)
        .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }

  /** Idle connections live {@code keepAlive}, so that the pool closes them before a typical server does. */
  private static ConnectionPool connectionPool(Duration keepAlive) {
    if (keepAlive.isZero()) {
      return new ConnectionPool(0, 1, TimeUnit.MILLISECONDS);
    }
    return new ConnectionPool(MAX_IDLE_CONNECTIONS, keepAlive.toMillis(), TimeUnit.MILLISECONDS);
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
    return create(definition, baseUrl, options, upstream, new SecretScrubber());
  }

  /**
   * As {@link #create(ServerDefinition, String, ExecutorOptions, UpstreamOptions)}, registering secrets with
   * {@code secrets}, which other executors of the process may share.
   */
  static RestToolExecutor create(ServerDefinition definition, String baseUrl, ExecutorOptions options,
      UpstreamOptions upstream, SecretScrubber secrets) {
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
    return new RestToolExecutor(List.of(definition.name()), definition.securitySchemes(), parsed, options, upstream,
        secrets);
  }

  /**
   * An executor for the tools of one API of a service catalog (issue 4), with credentials from the environment
   * only; see {@link #forApi(ServerDefinition, ApiDefinition, String, ExecutorOptions, UpstreamOptions)}.
   */
  public static RestToolExecutor forApi(ServerDefinition definition, ApiDefinition api, String baseUrl,
      Map<String, String> environment, ExecutorOptions options) {
    return forApi(definition, api, baseUrl, options, UpstreamOptions.environment(environment));
  }

  /**
   * An executor for the tools of one API of a service catalog (issue 4): its own base URL, and credentials read
   * from variables {@code {SERVER}_{API}_{SCHEME}…} (and the system properties and credentials-file keys of the same
   * scope, issue 5) for the API's schemes only, so that they can never reach another API's host.
   *
   * @param baseUrl the API base URL ({@code --base-url NAME=URL}), or null for the API's default
   * @param upstream credential sources, TLS, forwarded headers and token exchange toward this API
   * @throws IllegalArgumentException when there is no base URL, it is not an absolute http(s) URL, or a credential
   *     holds a value that cannot be sent; the message names the API and the URL or the credential's source
   */
  public static RestToolExecutor forApi(ServerDefinition definition, ApiDefinition api, String baseUrl,
      ExecutorOptions options, UpstreamOptions upstream) {
    return forApi(definition, api, baseUrl, options, upstream, new SecretScrubber());
  }

  /**
   * As {@link #forApi(ServerDefinition, ApiDefinition, String, ExecutorOptions, UpstreamOptions)}, registering
   * secrets with {@code secrets}, which the executors of the catalog's other APIs share.
   */
  static RestToolExecutor forApi(ServerDefinition definition, ApiDefinition api, String baseUrl,
      ExecutorOptions options, UpstreamOptions upstream, SecretScrubber secrets) {
    String url = baseUrl != null ? baseUrl : api.baseUrl();
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("API '" + api.name() + "' of server '" + definition.name()
          + "' has no base URL: its OpenAPI description names no server; pass --base-url " + api.name() + "=URL");
    }
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new IllegalArgumentException("base URL '" + url + "' of API '" + api.name()
          + "' is not an absolute http or https URL; pass --base-url " + api.name() + "=URL with one");
    }
    return new RestToolExecutor(scope(definition, api), api.securitySchemes(), parsed, options, upstream, secrets);
  }

  /** What the credentials of one API of a catalog are looked up under: the server name, then the API's. */
  static List<String> scope(ServerDefinition definition, ApiDefinition api) {
    return List.of(definition.name(), api.name());
  }

  /**
   * One line per credential variable the server reads, for {@code --help}: the variable, the scheme and where the
   * value is sent. Deterministic: in the order the definition declares its security schemes.
   */
  public static List<String> describeCredentials(ServerDefinition definition) {
    if (!definition.catalog()) {
      return Credentials.describe(definition);
    }
    List<String> lines = new ArrayList<>();
    for (ApiDefinition api : definition.apis()) {
      lines.addAll(Credentials.describe(scope(definition, api), api.securitySchemes(), api.name()));
    }
    return List.copyOf(lines);
  }

  @Override
  public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    return execute(tool, arguments, context, Map.of());
  }

  /**
   * As {@link #execute(ToolDefinition, ObjectNode, CallContext)}, with extra request headers (from a
   * {@link dev.openapi2mcp.runtime.tool.ToolHook}, issue 4); they never replace the configured credentials.
   */
  public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context,
      Map<String, String> extraHeaders) {
    long started = System.nanoTime();
    CallChannel channel = context != null ? context.channel() : CallChannel.NONE;
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
        PreparedRequest request = requests.build(tool, PresetArguments.apply(tool, args), extraHeaders,
            context == null ? InboundHeaders.NONE : context.inboundHeaders());
        // A credential a model copied into a harmless argument is scrubbed from what the audit, spans and logs show.
        url = credentials.scrub(request.displayUrl().toString());
        String described = credentials.scrub(request.describe());
        RetryRecord retries = new RetryRecord(described);
        Call call = client.join().newCall(request.request().newBuilder()
            .tag(RetryRecord.class, retries)
            .tag(UpstreamTag.class, new UpstreamTag(url, tool.http().pathTemplate()))
            .build());
        // Issue 5: notifications/cancelled aborts the exchange; the blocked read then fails with an IOException.
        try (CallChannel.Registration abort = channel.onCancel(call::cancel);
            Response response = send(call, described, channel)) {
          // Known before the body is read, so that a body that breaks off is not reported as no answer at all.
          status = response.code();
          ResponseMapper.Mapped mapped = responses.map(tool, request, ProgressBody.counting(response, channel), channel);
          result = withNote(mapped.result(), retries.summary());
          outcome = retries.gaveUp() ? Outcome.RETRIES_EXHAUSTED : mapped.outcome();
          status = mapped.status();
          if (mapped.outcome() == Outcome.UPSTREAM_ERROR) {
            channel.log(LogLevel.WARNING, LOGGER, event(tool, request, "the API answered HTTP " + status));
          }
        } catch (CircuitOpenException e) {
          // The refused attempt counts among the record's attempts; those before it were sent.
          result = withNote(ToolResult.error(e.describe(retries.attempts() - 1)), retries.summary());
          outcome = Outcome.CIRCUIT_OPEN;
        } catch (IOException e) {
          if (channel.isCancelled()) {
            result = ToolResult.error("Tool '" + tool.name() + "' was cancelled by the client; the request to "
                + request.describe() + " was aborted.");
            outcome = Outcome.CANCELLED;
          } else {
            result = withNote(ToolResult.error(NetworkFailures.describe(e, request, options, status)), retries.summary());
            outcome = retries.gaveUp() ? Outcome.RETRIES_EXHAUSTED : Outcome.NETWORK_ERROR;
            channel.log(LogLevel.WARNING, LOGGER, event(tool, request, "no answer from the API ("
                + e.getClass().getSimpleName() + ")"));
          }
        }
      }
    } catch (InvalidRequestException e) {
      result = invalidArguments(tool, List.of(e.getMessage()));
      outcome = Outcome.INVALID_ARGUMENTS;
    } catch (RuntimeException e) {
      result = ToolResult.error("Internal error of the openapi2mcp runtime in tool '" + tool.name() + "' ("
          + ErrorReference.log(LOG, "tool '" + tool.name() + "' failed", e) + ")");
      outcome = Outcome.INTERNAL_ERROR;
    }
    result = scrub(result);
    audit.record(new AuditLog.Entry(time, tool.name(), tool.api(), context, redactedArguments(tool, args), method,
        url, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), outcome, options.tracing().currentTraceId()));
    return result;
  }

  /** Writes the audit record of a call the user did not confirm: no URL, no status, as nothing was sent. */
  @Override
  public void notConfirmed(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    ObjectNode args = arguments != null ? arguments : JsonText.MAPPER.createObjectNode();
    audit.record(new AuditLog.Entry(options.clock().instant(), tool.name(), tool.api(), context,
        redactedArguments(tool, args), tool.http() != null ? tool.http().method() : null, null, null, 0,
        Outcome.NOT_CONFIRMED, options.tracing().currentTraceId()));
  }

  /** Sends the request and reports the two progress steps around it (see {@link ProgressBody}). */
  private static Response send(Call call, String description, CallChannel channel) throws IOException {
    channel.progress(ProgressBody.SENT, null, "Sending " + description + " to the API");
    Response response = call.execute();
    channel.progress(ProgressBody.HEADERS, ProgressBody.total(response),
        "The API answered HTTP " + response.code() + "; reading the response");
    return response;
  }

  /**
   * A log message for the client: the tool, the redacted request and what happened, never credentials. Text rather
   * than an object, since some clients (the official Java SDK among them) read {@code data} as a string.
   */
  private TextNode event(ToolDefinition tool, PreparedRequest request, String what) {
    return TextNode.valueOf(credentials.scrub("tool '" + tool.name() + "': " + request.describe() + ": " + what));
  }

  /**
   * Stops the client's threads and closes its pooled connections; calls in flight may fail. Closes the audit sink
   * when it is closeable (an audit file).
   */
  @Override
  public void close() {
    client.thenAccept(built -> {
      built.dispatcher().executorService().shutdown();
      built.connectionPool().evictAll();
    });
    if (options.auditSink() instanceof AutoCloseable sink) {
      try {
        sink.close();
      } catch (Exception e) {
        System.err.println("openapi2mcp: closing the audit log failed: " + e);
      }
    }
  }

  private static ToolResult invalidArguments(ToolDefinition tool, List<String> problems) {
    return ToolResult.error("Invalid arguments for tool '" + tool.name() + "' (no request was sent):\n- "
        + String.join("\n- ", problems));
  }

  /** The result with one more text block, when there is something to add. */
  private static ToolResult withNote(ToolResult result, String note) {
    if (note == null) {
      return result;
    }
    List<Content> content = new ArrayList<>(result.content());
    content.add(new Content.Text(note));
    return new ToolResult(content, result.structuredContent(), result.isError());
  }

  /** As the audit record shows them: {@link Redactor}'s rules, and no configured credential anywhere. */
  @Override
  public ObjectNode redactedArguments(ToolDefinition tool, ObjectNode args) {
    return AuditLog.redactedOrPlaceholder(() -> {
      ObjectNode redacted = redactor.redactArguments(tool, args);
      return (ObjectNode) credentials.scrub(redacted);
    });
  }

  /** Removes credential values from every text block, whatever produced it (structured content: ResponseMapper). */
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
