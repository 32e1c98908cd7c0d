package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.transport.http.HttpTransportOptions;
import dev.openapi2mcp.runtime.transport.http.StreamableHttpTransport;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inbound headers forwarded upstream and RFC 8693 token exchange (issue 5), end to end: the official MCP Java SDK
 * client sends custom headers over Streamable HTTP, and MockWebServers stand in for the API and the security token
 * service.
 */
@Timeout(120)
class UpstreamOverHttpTest {
  private static final ToolDefinition TOOL = ToolDefinition.builder("listPets").http("GET", "/pets")
      .security("oauth").build();
  private static final ServerDefinition DEFINITION = ServerDefinition.builder("petstore").version("1.0.0")
      .securityScheme(SecurityScheme.oauth2("oauth"))
      .tool(TOOL).build();

  private final MockWebServer api = new MockWebServer();
  private final MockWebServer sts = new MockWebServer();
  private final List<RecordedRequest> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    api.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).body("[]").build();
      }
    });
    api.start();
    sts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        exchanges.add(request);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"access_token\":\"exchanged-" + issued.incrementAndGet() + "\",\"issued_token_type\":"
                + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":600}")
            .build();
      }
    });
    sts.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    api.close();
    sts.close();
  }

  /** A running server whose executor uses {@code upstream}; returns its endpoint. */
  private String serve(UpstreamOptions upstream) throws Exception {
    return serve(upstream, false);
  }

  private String serve(UpstreamOptions upstream, boolean stateless) throws Exception {
    RestToolExecutor executor = RestToolExecutor.create(DEFINITION, api.url("/v1").toString(),
        ExecutorOptions.defaults().withAuditSink(line -> { }), upstream);
    closing.add(executor);
    McpServer server = new McpServer(DEFINITION, executor, McpServerOptions.defaults());
    StreamableHttpTransport transport = new StreamableHttpTransport(server,
        HttpTransportOptions.defaults().withPort(0).withStateless(stateless));
    transport.start();
    closing.add(transport::close);
    return transport.endpoint().toString();
  }

  private McpSyncClient client(String endpoint, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder();
    headers.forEach(request::header);
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
        .builder(endpoint.substring(0, endpoint.length() - "/mcp".length()))
        .endpoint("/mcp")
        .requestBuilder(request)
        .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
        .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    closing.add(client::closeGracefully);
    client.initialize();
    return client;
  }

  private static void callTool(McpSyncClient client) {
    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("listPets", Map.of()));
    assertThat(result.isError()).as(String.valueOf(result.content())).isFalse();
  }

  private RecordedRequest apiRequest() throws InterruptedException {
    RecordedRequest request = api.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the API").isNotNull();
    return request;
  }

  @Test
  void namedHeadersAreForwardedAndAuthorizationIsNotByDefault() throws Exception {
    String endpoint = serve(UpstreamOptions.environment(Map.of("PETSTORE_OAUTH_TOKEN", "server-token"))
        .withForwardHeaders(List.of("X-Request-Id", "X-Tenant")));
    McpSyncClient client = client(endpoint, Map.of("X-Request-Id", "req-42", "X-Tenant", "acme",
        "X-Other", "not-allowed", "Authorization", "Bearer client-token"));
    callTool(client);

    RecordedRequest request = apiRequest();
    assertThat(request.getHeaders().get("X-Request-Id")).isEqualTo("req-42");
    assertThat(request.getHeaders().get("X-Tenant")).isEqualTo("acme");
    assertThat(request.getHeaders().get("X-Other")).isNull();
    // The client's own credential stays with the MCP server; the API gets the configured one.
    assertThat(request.getHeaders().values("Authorization")).containsExactly("Bearer server-token");
  }

  /** Merge of issue 5's forwarded headers with stateless HTTP: each POST carries its own headers to the API. */
  @Test
  void namedHeadersAreForwardedInStatelessModeToo() throws Exception {
    String endpoint = serve(UpstreamOptions.environment(Map.of()).withForwardHeaders(List.of("X-Request-Id")), true);
    callTool(client(endpoint, Map.of("X-Request-Id", "req-7", "X-Other", "not-allowed")));
    RecordedRequest request = apiRequest();
    assertThat(request.getHeaders().get("X-Request-Id")).isEqualTo("req-7");
    assertThat(request.getHeaders().get("X-Other")).isNull();
  }

  @Test
  void withoutForwardHeadersNothingOfTheClientIsSent() throws Exception {
    String endpoint = serve(UpstreamOptions.environment(Map.of()));
    callTool(client(endpoint, Map.of("X-Request-Id", "req-42", "Authorization", "Bearer client-token")));
    RecordedRequest request = apiRequest();
    assertThat(request.getHeaders().get("X-Request-Id")).isNull();
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void authorizationIsForwardedWhenNamedAndNoCredentialIsConfigured() throws Exception {
    String endpoint = serve(UpstreamOptions.environment(Map.of()).withForwardHeaders(List.of("Authorization")));
    callTool(client(endpoint, Map.of("Authorization", "Bearer client-token")));
    assertThat(apiRequest().getHeaders().values("Authorization")).containsExactly("Bearer client-token");
  }

  @Test
  void theClientTokenIsExchangedOncePerSubjectAndTheResultSentUpstream() throws Exception {
    String endpoint = serve(UpstreamOptions.environment(Map.of(
            "PETSTORE_OAUTH_CLIENT_ID", "mcp-server", "PETSTORE_OAUTH_CLIENT_SECRET", "server-secret-1",
            "PETSTORE_OAUTH_TOKEN", "server-token"))
        .withTokenExchange(sts.url("/sts/token").uri(), "petstore-api"));
    McpSyncClient alice = client(endpoint, Map.of("Authorization", "Bearer alice-token"));
    callTool(alice);
    callTool(alice);
    assertThat(apiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer exchanged-1");
    assertThat(apiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer exchanged-1");
    assertThat(exchanges).hasSize(1);

    Map<String, String> form = ClientCredentialsTest.form(exchanges.get(0));
    assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
        .containsEntry("subject_token", "alice-token")
        .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
        .containsEntry("audience", "petstore-api");
    assertThat(exchanges.get(0).getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic(
        "mcp-server", "server-secret-1"));

    McpSyncClient bob = client(endpoint, Map.of("Authorization", "Bearer bob-token"));
    callTool(bob);
    assertThat(apiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer exchanged-2");
    assertThat(exchanges).hasSize(2);
    assertThat(ClientCredentialsTest.form(exchanges.get(1))).containsEntry("subject_token", "bob-token");
  }

  @Test
  void aFailedExchangeIsAnErrorNamingTheServiceAndReachesNoApi() throws Exception {
    sts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
            .body("{\"error\":\"invalid_grant\",\"error_description\":\"subject token expired\"}").build();
      }
    });
    String endpoint = serve(UpstreamOptions.environment(Map.of())
        .withTokenExchange(sts.url("/sts/token").uri(), null));
    McpSyncClient client = client(endpoint, Map.of("Authorization", "Bearer stale-token"));
    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("listPets", Map.of()));
    assertThat(result.isError()).isTrue();
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(text).contains(sts.url("/sts/token").toString()).contains("invalid_grant")
        .contains("subject token expired").doesNotContain("stale-token");
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void withoutAClientTokenTheConfiguredCredentialIsUsed() throws Exception {
    String endpoint = serve(UpstreamOptions.environment(Map.of("PETSTORE_OAUTH_TOKEN", "server-token"))
        .withTokenExchange(sts.url("/sts/token").uri(), null));
    callTool(client(endpoint, Map.of()));
    assertThat(apiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer server-token");
    assertThat(exchanges).isEmpty();
  }
}
