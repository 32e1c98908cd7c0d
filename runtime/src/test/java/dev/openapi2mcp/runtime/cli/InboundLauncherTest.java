package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.Challenge;
import dev.openapi2mcp.runtime.testing.TestKeystore;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbound security from the command line to the wire (issue 5): static tokens and HTTPS configured with server
 * options, the real REST executor calling a mock API, and the official SDK client.
 */
@Timeout(120)
class InboundLauncherTest {
  private static final String CLIENT_TOKEN = "client-TOKEN-7f3a9c1e2b";
  private static final String UPSTREAM_TOKEN = "upstream-KEY-55d1";
  private static final String KEYSTORE_PASSWORD = "ks-PASSWORD-91c2";
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
  private final List<String> audit = new CopyOnWriteArrayList<>();
  private final List<String> logs = new CopyOnWriteArrayList<>();
  private final Handler logCapture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logs.add(new SimpleFormatter().format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final MockWebServer api = new MockWebServer();
  private CompletableFuture<Integer> exit;

  @BeforeEach
  void start() throws Exception {
    api.start();
    Logger.getLogger("").addHandler(logCapture);
    Logger.getLogger("dev.openapi2mcp").setLevel(Level.ALL);
  }

  @AfterEach
  void stop() throws Exception {
    new ArrayList<>(hooks).forEach(Runnable::run);
    if (exit != null) {
      exit.get(30, TimeUnit.SECONDS);
    }
    Logger.getLogger("").removeHandler(logCapture);
    Logger.getLogger("dev.openapi2mcp").setLevel(null);
    api.close();
  }

  private ServerDefinition definition() {
    return ServerDefinition.builder("inbound").version("1").baseUrl(api.url("/api").toString())
        .securityScheme(SecurityScheme.bearer("upstream"))
        .tools(List.of(
            ToolDefinition.builder("getSecured").readOnlyHint(true).http("GET", "/secured").security("upstream")
                .build(),
            ToolDefinition.builder("getOpen").readOnlyHint(true).http("GET", "/open").build()))
        .build();
  }

  private LaunchContext context(Map<String, String> environment) {
    return new LaunchContext(new ByteArrayInputStream(new byte[0]), ByteArrayOutputStream::new,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8),
        environment,
        (definition, baseUrl, env) -> RestToolExecutor.create(definition, baseUrl, env,
            ExecutorOptions.defaults().withAuditSink(audit::add)),
        definition -> List.of(),
        work -> {
          hooks.add(work);
          return () -> hooks.remove(work);
        },
        () -> {},
        server -> {},
        McpServerOptions.defaults());
  }

  private int run(Map<String, String> environment, String... args) {
    return new Launcher(context(environment)).run(definition(), args, List.of());
  }

  /** Starts the server in the background and returns its endpoint from the listening line. */
  private URI serve(Map<String, String> environment, String... args) throws InterruptedException {
    exit = CompletableFuture.supplyAsync(() -> run(environment, args));
    Pattern listening = Pattern.compile("inbound listening on (\\S+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher matcher = listening.matcher(err());
      if (matcher.find()) {
        return URI.create(matcher.group(1));
      }
      if (exit.isDone()) {
        throw new AssertionError("the server ended: " + err());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no listening line in: " + err());
  }

  private String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  private static McpSyncClient sdkClient(URI endpoint, String token, SSLContext tls) {
    HttpClientStreamableHttpTransport.Builder builder = HttpClientStreamableHttpTransport
        .builder(endpoint.getScheme() + "://" + endpoint.getRawAuthority())
        .endpoint(endpoint.getRawPath())
        .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()));
    if (token != null) {
      builder.httpRequestCustomizer((request, method, uri, body, context) ->
          request.header("Authorization", "Bearer " + token));
    }
    if (tls != null) {
      builder.customizeClient(client -> client.sslContext(tls));
    }
    return McpClient.sync(builder.build()).requestTimeout(Duration.ofSeconds(30)).build();
  }

  private static HttpResponse<String> initialize(URI endpoint, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(INIT));
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void staticTokensGuardTheEndpointAndTheClientsTokenNeverReachesTheApiTheAuditOrTheLogs() throws Exception {
    api.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":1}").build());
    api.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":2}").build());
    URI endpoint = serve(Map.of("MCP_TOKENS", "ci-bot:" + CLIENT_TOKEN + ",other-token-0123456789",
            "INBOUND_UPSTREAM_TOKEN", UPSTREAM_TOKEN),
        "--transport", "http", "--port", "0", "--auth-tokens-env", "MCP_TOKENS", "--auth-header", "X-API-Key");

    HttpResponse<String> missing = initialize(endpoint, Map.of());
    HttpResponse<String> wrong = initialize(endpoint, Map.of("Authorization", "Bearer not-" + CLIENT_TOKEN));
    HttpResponse<String> apiKey = initialize(endpoint, Map.of("X-API-Key", CLIENT_TOKEN));
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(Challenge.parse(missing.headers().firstValue("WWW-Authenticate").orElseThrow()))
        .isEqualTo(new Challenge("Bearer", Map.of()));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(Challenge.parse(wrong.headers().firstValue("WWW-Authenticate").orElseThrow()))
        .isEqualTo(new Challenge("Bearer", Map.of("error", "invalid_token")));
    assertThat(apiKey.statusCode()).isEqualTo(200);

    McpSyncClient client = sdkClient(endpoint, CLIENT_TOKEN, null);
    try {
      client.initialize();
      McpSchema.CallToolResult secured = client.callTool(new McpSchema.CallToolRequest("getSecured", Map.of()));
      McpSchema.CallToolResult open = client.callTool(new McpSchema.CallToolRequest("getOpen", Map.of()));
      assertThat(secured.isError()).isFalse();
      assertThat(open.isError()).isFalse();
    } finally {
      client.closeGracefully();
    }

    RecordedRequest securedCall = api.takeRequest(10, TimeUnit.SECONDS);
    RecordedRequest openCall = api.takeRequest(10, TimeUnit.SECONDS);
    assertThat(securedCall.getUrl().encodedPath()).isEqualTo("/api/secured");
    assertThat(securedCall.getHeaders().values("Authorization")).containsExactly("Bearer " + UPSTREAM_TOKEN);
    assertThat(openCall.getUrl().encodedPath()).isEqualTo("/api/open");
    assertThat(openCall.getHeaders().values("Authorization")).isEmpty();
    assertThat(openCall.getHeaders().values("X-API-Key")).isEmpty();

    ObjectMapper mapper = new ObjectMapper();
    assertThat(audit).hasSize(2);
    for (String line : audit) {
      JsonNode entry = mapper.readTree(line);
      assertThat(entry.get("caller").asText()).isEqualTo("token:ci-bot");
    }
    String everything = String.join("\n", audit) + String.join("\n", logs) + err();
    assertThat(everything).doesNotContain(CLIENT_TOKEN);
  }

  @Test
  void httpsFromAKeystoreServesTheSdkClientThatTrustsItAndRefusesPlainHttp(@TempDir Path temp) throws Exception {
    Path keystore = TestKeystore.create(temp.resolve("server.p12"), KEYSTORE_PASSWORD);
    URI endpoint = serve(Map.of("KS_PASS", KEYSTORE_PASSWORD), "--transport", "http", "--port", "0",
        "--tls-keystore", keystore.toString(), "--tls-keystore-password-env", "KS_PASS");

    assertThat(endpoint.getScheme()).isEqualTo("https");
    McpSyncClient client = sdkClient(endpoint, null, TestKeystore.trusting(keystore, KEYSTORE_PASSWORD));
    try {
      assertThat(client.initialize().serverInfo().name()).isEqualTo("inbound");
      assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("getSecured", "getOpen");
    } finally {
      client.closeGracefully();
    }

    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI overHttp = URI.create("http://" + endpoint.getRawAuthority() + endpoint.getRawPath());
    boolean answered;
    try {
      answered = plain.send(HttpRequest.newBuilder(overHttp).timeout(Duration.ofSeconds(5))
          .POST(HttpRequest.BodyPublishers.ofString(INIT)).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode() == 200;
    } catch (java.io.IOException e) {
      answered = false;
    }
    assertThat(answered).as("plain HTTP on the TLS port").isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> initialize(endpoint, Map.of()))
        .as("a client that does not trust the certificate").isInstanceOf(javax.net.ssl.SSLException.class);
    assertThat(err() + String.join("\n", logs)).doesNotContain(KEYSTORE_PASSWORD);
  }

  @Test
  void configurationMistakesAreUsageErrorsNamingTheOptionAndNeverTheSecret(@TempDir Path temp) throws Exception {
    Path keystore = TestKeystore.create(temp.resolve("server.p12"), KEYSTORE_PASSWORD);

    assertThat(run(Map.of(), "--transport", "http", "--port", "0", "--auth-tokens-env", "MCP_TOKENS"))
        .isEqualTo(Launcher.USAGE);
    assertThat(err()).contains("--auth-tokens-env: the environment variable MCP_TOKENS is not set");

    assertThat(run(Map.of("KS_PASS", "wrong-" + KEYSTORE_PASSWORD), "--transport", "http", "--port", "0",
        "--tls-keystore", keystore.toString(), "--tls-keystore-password-env", "KS_PASS")).isEqualTo(Launcher.USAGE);
    assertThat(err()).contains("--tls-keystore: TLS keystore " + keystore + ": wrong password");

    assertThat(run(Map.of(), "--transport", "http", "--host", "0.0.0.0", "--port", "0",
        "--oauth-issuer", "https://login.example.com", "--oauth-jwks-url", "https://login.example.com/jwks"))
        .isEqualTo(Launcher.USAGE);
    assertThat(err()).contains("--oauth-audience is needed with --host 0.0.0.0");

    assertThat(run(Map.of("T", CLIENT_TOKEN), "--auth-tokens-env", "T")).isEqualTo(Launcher.USAGE);
    assertThat(err()).contains("TLS and inbound auth options need --transport http");

    assertThat(err()).doesNotContain(KEYSTORE_PASSWORD, CLIENT_TOKEN);
  }
}
