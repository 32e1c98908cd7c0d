package dev.openapi2mcp.runtime.transport.http;

import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.INIT;
import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.auth.StaticTokens;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RateLimitedExecutor;
import dev.openapi2mcp.runtime.http.resilience.RateLimit;
import dev.openapi2mcp.runtime.http.resilience.RateLimiter;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.FakeTime;
import dev.openapi2mcp.runtime.testing.SampleServer;
import dev.openapi2mcp.runtime.testing.SdkClientChecks;
import dev.openapi2mcp.runtime.testing.SdkClients;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 5: {@code --stateless} Streamable HTTP, where any replica must answer any POST on its own. */
@Timeout(120)
class StatelessHttpTest {
  private static final String LIST = request(2, "tools/list", "{}");

  private final List<StreamableHttpTransport> replicas = new ArrayList<>();

  private HttpTestClient replica() throws Exception {
    McpServer server = SampleServer.server(McpServerOptions.defaults().withPageSize(3));
    StreamableHttpTransport transport =
        new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0).withStateless(true));
    transport.start();
    replicas.add(transport);
    return new HttpTestClient(transport.endpoint());
  }

  @AfterEach
  void stop() {
    replicas.forEach(StreamableHttpTransport::close);
  }

  @Test
  void initializeIsAnsweredWithoutASessionAndLeavesNoState() throws Exception {
    HttpTestClient client = replica();
    HttpResponse<String> init = client.post(INIT, null);
    assertThat(init.statusCode()).isEqualTo(200);
    assertThat(init.headers().firstValue("Mcp-Session-Id")).isEmpty();
    JsonNode result = client.json(init).get("result");
    assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(result.at("/serverInfo/name").asText()).isEqualTo("sample");
    assertThat(replicas.get(0).sessionCount()).isZero();
    // A second initialize is no "already initialized" error: nothing was kept from the first.
    assertThat(client.json(client.post(INIT, null)).has("result")).isTrue();
  }

  @Test
  void aReplicaThatNeverSawInitializeListsAndCallsTools() throws Exception {
    HttpTestClient first = replica();
    HttpTestClient second = replica();
    assertThat(first.post(INIT, null).statusCode()).isEqualTo(200);
    Map<String, String> version = Map.of("MCP-Protocol-Version", "2025-11-25");
    assertThat(second.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", null, version)
        .statusCode()).isEqualTo(202);

    HttpResponse<String> list = second.post(LIST, null, version);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(second.json(list).at("/result/tools").findValuesAsText("name"))
        .containsExactly("echo", "structured", "fail");
    HttpResponse<String> call = second.post(
        request(3, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}"), null, version);
    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(second.json(call).at("/result/content/0/text").asText()).isEqualTo("{\"text\":\"hi\"}");
    assertThat(second.json(second.post(request(4, "ping", "{}"), null, version)).get("result").isObject())
        .isTrue();
    assertThat(replicas).allSatisfy(replica -> assertThat(replica.sessionCount()).isZero());
  }

  @Test
  void theProtocolVersionHeaderChoosesTheRevisionAndItsAbsenceMeans20250326() throws Exception {
    HttpTestClient client = replica();
    JsonNode latest = client.json(client.post(LIST, null, Map.of("MCP-Protocol-Version", "2025-11-25")))
        .at("/result/tools/0");
    assertThat(latest.get("title").asText()).isEqualTo("Echo the arguments");
    assertThat(latest.has("annotations")).isTrue();

    JsonNode oldest = client.json(client.post(LIST, null, Map.of("MCP-Protocol-Version", "2024-11-05")))
        .at("/result/tools/0");
    assertThat(oldest.has("title")).isFalse();
    assertThat(oldest.has("annotations")).isFalse();

    // The spec: a server with no other way to know assumes 2025-03-26, which has annotations but no titles.
    JsonNode unspecified = client.json(client.post(LIST, null)).at("/result/tools/0");
    assertThat(unspecified.has("title")).isFalse();
    assertThat(unspecified.has("annotations")).isTrue();

    HttpResponse<String> unknown = client.post(LIST, null, Map.of("MCP-Protocol-Version", "2099-01-01"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(client.json(unknown).at("/error/message").asText()).contains("2099-01-01", "2025-11-25");
  }

  @Test
  void getAndDeleteAre405AndAStraySessionIdIsIgnored() throws Exception {
    HttpTestClient client = replica();
    HttpResponse<String> get = client.send("GET", client.endpoint, null, Map.of("Accept", "text/event-stream"));
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
    HttpResponse<String> delete = client.send("DELETE", client.endpoint, null, Map.of("Mcp-Session-Id", "x"));
    assertThat(delete.statusCode()).isEqualTo(405);

    HttpResponse<String> withId = client.post(LIST, "left-over-from-a-stateful-server",
        Map.of("MCP-Protocol-Version", "2025-11-25"));
    assertThat(withId.statusCode()).isEqualTo(200);
    assertThat(client.json(withId).at("/result/tools").size()).isEqualTo(3);
  }

  @Test
  void theOriginCheckStillApplies() throws Exception {
    HttpTestClient client = replica();
    HttpResponse<String> foreign = client.post(LIST, null, Map.of("Origin", "https://evil.example"));
    assertThat(foreign.statusCode()).isEqualTo(403);
  }

  /**
   * Merge of the inbound-auth and rate-limit work with stateless mode: every POST is authenticated on its own, and
   * with no session to count, the per-session limit counts per authenticated caller across POSTs.
   */
  @Test
  void inboundAuthChecksEveryPostAndThePerSessionLimitCountsPerCaller() throws Exception {
    String aliceToken = "alice-token-0123456789";
    String bobToken = "bob-token-0123456789ab";
    StaticTokens tokens = StaticTokens.parse("test", "alice:" + aliceToken + ",bob:" + bobToken, false, null);
    List<String> audit = new CopyOnWriteArrayList<>();
    AtomicReference<McpServer> self = new AtomicReference<>();
    RateLimitedExecutor limited = new RateLimitedExecutor(SampleServer.executor(self),
        new RateLimiter(null, RateLimit.parse("2/m"), new FakeTime()), SampleServer.definition(),
        ExecutorOptions.defaults().withAuditSink(audit::add));
    McpServer server = new McpServer(SampleServer.definition(), limited, McpServerOptions.defaults());
    self.set(server);
    StreamableHttpTransport transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults()
        .withPort(0).withStateless(true).withAuth(endpoint -> tokens));
    transport.start();
    replicas.add(transport);
    HttpTestClient client = new HttpTestClient(transport.endpoint());
    String echo = request(3, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}");

    HttpResponse<String> anonymous = client.post(echo, null, Map.of("MCP-Protocol-Version", "2025-11-25"));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));

    Map<String, String> alice = Map.of("MCP-Protocol-Version", "2025-11-25",
        "Authorization", "Bearer " + aliceToken);
    Map<String, String> bob = Map.of("MCP-Protocol-Version", "2025-11-25", "Authorization", "Bearer " + bobToken);
    assertThat(client.json(client.post(echo, null, alice)).at("/result/isError").asBoolean()).isFalse();
    assertThat(client.json(client.post(echo, null, alice)).at("/result/isError").asBoolean()).isFalse();
    JsonNode refused = client.json(client.post(echo, null, alice)).get("result");
    assertThat(refused.get("isError").asBoolean()).isTrue();
    assertThat(refused.at("/content/0/text").asText()).startsWith("Rate limit of 2 calls/min per session");
    assertThat(client.json(client.post(echo, null, bob)).at("/result/isError").asBoolean())
        .as("bob has a budget of his own").isFalse();
    assertThat(audit).filteredOn(line -> line.contains("\"outcome\":\"rate_limited\"")).hasSize(1)
        .allSatisfy(line -> assertThat(line).contains("token:alice"));
    assertThat(transport.sessionCount()).isZero();
  }

  @Test
  void theOfficialSdkClientWorksAgainstAStatelessServer() throws Exception {
    McpSyncClient client = SdkClients.http(replica().endpoint);
    try {
      SdkClientChecks.initialize(client);
      SdkClientChecks.listToolsAcrossPages(client);
      SdkClientChecks.callTools(client);
      assertThat(replicas.get(0).sessionCount()).isZero();
    } finally {
      client.closeGracefully();
    }
  }
}
