package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth 2.0 client credentials toward the API (issue 5): a MockWebServer token endpoint beside the mock API, with a
 * settable clock. The token endpoint's request count shows caching, renewal and single flight.
 */
class ClientCredentialsTest {
  private static final String CLIENT_SECRET = "client-s3cret-value";
  private static final ToolDefinition TOOL = ToolDefinition.builder("listPets").http("GET", "/pets")
      .security("oauth").build();

  private final Harness harness = new Harness();
  private final MockWebServer tokenServer = new MockWebServer();
  private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final MutableClock clock = new MutableClock();
  /** What the token endpoint answers to its n-th request (1-based). */
  private volatile IntFunction<MockResponse> tokenAnswer = n -> token("token-" + n, 3600);

  @BeforeEach
  void start() throws Exception {
    tokenServer.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        tokenRequests.add(request);
        return tokenAnswer.apply(issued.incrementAndGet());
      }
    });
    tokenServer.start();
    // Every API request answers 200 unless a test says otherwise: the API records what it saw.
    harness.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).body("[]").build();
      }
    });
  }

  @AfterEach
  void stop() {
    harness.close();
    tokenServer.close();
  }

  private static MockResponse token(String token, long expiresIn) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}")
        .build();
  }

  private ServerDefinition server(String tokenUrl) {
    return ServerDefinition.builder("petstore")
        .securityScheme(SecurityScheme.oauth2("oauth", tokenUrl, "read:pets", "write:pets"))
        .tool(TOOL).build();
  }

  private RestToolExecutor executor(Map<String, String> environment) {
    return RestToolExecutor.create(server(tokenServer.url("/oauth/token").toString()), harness.baseUrl(),
        harness.options().withClock(clock), UpstreamOptions.environment(environment));
  }

  private static Map<String, String> clientEnvironment() {
    return Map.of("PETSTORE_OAUTH_CLIENT_ID", "my-client", "PETSTORE_OAUTH_CLIENT_SECRET", CLIENT_SECRET);
  }

  private ToolResult call(RestToolExecutor executor) {
    return executor.execute(TOOL, Harness.args("{}"), Harness.CONTEXT);
  }

  private String apiAuthorization() {
    return harness.take().getHeaders().get("Authorization");
  }

  @Test
  void theFirstCallFetchesATokenAndLaterCallsReuseIt() {
    RestToolExecutor executor = executor(clientEnvironment());
    assertThat(call(executor).isError()).isFalse();
    assertThat(call(executor).isError()).isFalse();
    assertThat(apiAuthorization()).isEqualTo("Bearer token-1");
    assertThat(apiAuthorization()).isEqualTo("Bearer token-1");
    assertThat(tokenRequests).hasSize(1);

    RecordedRequest request = tokenRequests.get(0);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(form(request)).containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "read:pets write:pets");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString(("my-client:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aTokenIsRenewedShortlyBeforeItExpires() {
    RestToolExecutor executor = executor(clientEnvironment());
    call(executor);
    // 3600 s tokens are renewed 60 s early: at 3539 s the first is still used, at 3541 s a new one is fetched.
    clock.advance(Duration.ofSeconds(3539));
    call(executor);
    clock.advance(Duration.ofSeconds(2));
    call(executor);
    assertThat(List.of(apiAuthorization(), apiAuthorization(), apiAuthorization()))
        .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheCallRetried() throws Exception {
    harness.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        // The API revoked token-1 early; it accepts any other.
        return "Bearer token-1".equals(request.getHeaders().get("Authorization"))
            ? new MockResponse.Builder().code(401).body("expired").build()
            : new MockResponse.Builder().code(200).body("[\"rex\"]").build();
      }
    });
    RestToolExecutor executor = executor(clientEnvironment());
    ToolResult result = call(executor);
    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    assertThat(Harness.text(result)).contains("rex");
    assertThat(List.of(apiAuthorization(), apiAuthorization())).containsExactly("Bearer token-1", "Bearer token-2");
    assertThat(tokenRequests).hasSize(2);
    int apiCalls = harness.server.getRequestCount();

    // A token that is refused again is not retried a second time: one 401 answer per call, no loop.
    tokenAnswer = n -> token("token-1", 3600);
    RestToolExecutor other = executor(clientEnvironment());
    ToolResult refused = call(other);
    assertThat(refused.isError()).isTrue();
    assertThat(harness.server.getRequestCount() - apiCalls).isEqualTo(1);
  }

  @Test
  void tokenEndpointErrorsNameTheUrlAndTheOAuthErrorButNotTheSecret() {
    tokenAnswer = n -> new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"invalid_client\",\"error_description\":\"unknown client my-client\"}").build();
    ToolResult result = call(executor(clientEnvironment()));
    String text = Harness.text(result);
    assertThat(result.isError()).isTrue();
    assertThat(text).contains(tokenServer.url("/oauth/token").toString()).contains("invalid_client")
        .contains("unknown client my-client").contains("No request was sent to the API")
        .doesNotContain(CLIENT_SECRET);
    assertThat(harness.server.getRequestCount()).isZero();
    assertThat(harness.singleAudit().get("outcome").asText()).isNotEqualTo("success");
    assertThat(harness.audit.get(0)).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void anUnreachableTokenEndpointIsAnErrorResult() throws Exception {
    HttpUrl gone = tokenServer.url("/oauth/token");
    tokenServer.close();
    RestToolExecutor executor = RestToolExecutor.create(server(gone.toString()), harness.baseUrl(),
        harness.options(), UpstreamOptions.environment(clientEnvironment()));
    ToolResult result = call(executor);
    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains(gone.toString()).contains("could not be reached")
        .as("OkHttp's own message stays in the server's log").contains("error reference")
        .doesNotContain("Failed to connect");
    assertThat(harness.server.getRequestCount()).isZero();
  }

  @Test
  void concurrentCallsShareOneTokenRequest() throws Exception {
    tokenAnswer = n -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"token-" + n + "\",\"expires_in\":3600}")
        .headersDelay(300, TimeUnit.MILLISECONDS).build();
    RestToolExecutor executor = executor(clientEnvironment());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<ToolResult>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> call(executor));
      }
      for (Future<ToolResult> result : threads.invokeAll(calls, 30, TimeUnit.SECONDS)) {
        assertThat(result.get().isError()).isFalse();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(tokenRequests).hasSize(1);
    for (int i = 0; i < 8; i++) {
      assertThat(apiAuthorization()).isEqualTo("Bearer token-1");
    }
  }

  @Test
  void aConfiguredTokenWinsOverTheClientCredentials() {
    Map<String, String> environment = new java.util.HashMap<>(clientEnvironment());
    environment.put("PETSTORE_OAUTH_TOKEN", "static-token");
    call(executor(environment));
    assertThat(apiAuthorization()).isEqualTo("Bearer static-token");
    assertThat(tokenRequests).isEmpty();
  }

  @Test
  void scopesAndTokenUrlCanBeConfigured() {
    MockWebServer other = tokenServer;
    ServerDefinition withoutFlow = ServerDefinition.builder("petstore")
        .securityScheme(SecurityScheme.oauth2("oauth")).tool(TOOL).build();
    Map<String, String> properties = Map.of(
        "openapi2mcp.petstore.oauth.clientId", "my-client",
        "openapi2mcp.petstore.oauth.clientSecret", CLIENT_SECRET,
        "openapi2mcp.petstore.oauth.tokenUrl", other.url("/other/token").toString(),
        "openapi2mcp.petstore.oauth.scopes", "admin, audit");
    RestToolExecutor executor = RestToolExecutor.create(withoutFlow, harness.baseUrl(), harness.options(),
        new UpstreamOptions(CredentialSources.of(Map.of(), properties, null), null, List.of(), null, null));
    assertThat(call(executor).isError()).isFalse();
    assertThat(apiAuthorization()).isEqualTo("Bearer token-1");
    assertThat(tokenRequests.get(0).getUrl().encodedPath()).isEqualTo("/other/token");
    assertThat(form(tokenRequests.get(0))).containsEntry("scope", "admin audit");
  }

  @Test
  void aClientIdWithoutTokenUrlIsAStartError() {
    ServerDefinition withoutFlow = ServerDefinition.builder("petstore")
        .securityScheme(SecurityScheme.oauth2("oauth")).tool(TOOL).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RestToolExecutor.create(withoutFlow,
            harness.baseUrl(), harness.options(), UpstreamOptions.environment(clientEnvironment())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PETSTORE_OAUTH_TOKEN_URL")
        .hasMessageNotContaining(CLIENT_SECRET);
  }

  static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new java.util.TreeMap<>();
    for (String pair : request.getBody().utf8().split("&")) {
      int equals = pair.indexOf('=');
      form.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
    }
    return form;
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
