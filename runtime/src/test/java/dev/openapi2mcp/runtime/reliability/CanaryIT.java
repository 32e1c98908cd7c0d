package dev.openapi2mcp.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.reliability.MalformedMessages.Probe;
import dev.openapi2mcp.runtime.testing.Canary;
import dev.openapi2mcp.runtime.testing.CanaryServerMain;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, hostile-client suite: a canary value is configured for every kind of credential the server can hold
 * (apiKey in header, query and cookie, HTTP basic, bearer, an OAuth client secret and the token it fetches, the
 * inbound static token of the HTTP transport and the token exchanged for it), the API echoes every request it gets
 * back in several encodings (raw, JSON-escaped, lower-case percent-encoding, base64) in results and in errors, and
 * the server is driven over stdio and over HTTP with good calls, failing calls and fuzzed messages. Then everything
 * the server wrote (stdout, stderr, the audit file, every HTTP answer with its headers) is searched for each canary
 * in each encoding a scrubber must know: none may be there.
 *
 * <p>A positive control keeps the test honest: the API must have received each canary, so the echo really carried it.
 */
@Timeout(120)
class CanaryIT {
  private static final Map<String, String> CANARIES = CanaryServerMain.ENVIRONMENT;

  /** Tokens the API hands out: the client-credentials token and the exchanged token. */
  private static final String FETCHED_TOKEN = "cnry-fetched/N1+a=f6Pq4";
  private static final String EXCHANGED_TOKEN = "cnry-exchanged/M9+b=j5Ls7";

  /** Every secret the server holds: the configured ones and the two it obtains. */
  private static final List<String> SECRETS = Stream.concat(CanaryServerMain.configuredSecrets().stream(),
      Stream.of(FETCHED_TOKEN, EXCHANGED_TOKEN)).toList();

  private final MockWebServer api = new MockWebServer();
  private final StringBuilder everything = new StringBuilder();

  @TempDir
  Path dir;

  @BeforeEach
  void startApi() throws IOException {
    api.setDispatcher(new EchoApi());
    api.start();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void noCredentialLeavesTheServerOverStdio() throws Exception {
    Path audit = dir.resolve("audit.jsonl");
    try (ServerProcess server = CanaryServerMain.start(
        List.of("--base-url", api.url("/").toString(), "--audit-log", audit.toString()))) {
      OutputStream in = server.process().getOutputStream();
      StdoutLines out = new StdoutLines(server);
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"canary\",\"version\":\"1\"}}}");
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      everything.append(out.take());
      int id = 1;
      for (String call : calls()) {
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":" + call + "}");
        everything.append(out.take()).append('\n');
      }
      for (Probe probe : fuzz()) {
        in.write(probe.bytes());
        in.write('\n');
      }
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":\"last\",\"method\":\"ping\"}");
      String line;
      do {
        line = out.take();
        everything.append(line).append('\n');
      } while (!line.contains("\"id\":\"last\""));
      in.close();
      assertThat(server.awaitExit(20)).isZero();
      everything.append(server.stderr());
    }
    everything.append(Files.readString(audit));
    assertEveryCanaryReachedTheApiAndNoneCameBack(false);
  }

  @Test
  void noCredentialLeavesTheServerOverHttp() throws Exception {
    Path audit = dir.resolve("audit.jsonl");
    try (ServerProcess server = CanaryServerMain.start(List.of("--transport", "http", "--port", "0",
        "--auth-tokens-env", "CANARY_INBOUND", "--token-exchange-url", api.url("/exchange").toString(),
        "--base-url", api.url("/").toString(), "--audit-log", audit.toString()))) {
      URI endpoint = URI.create("http://127.0.0.1:" + server.awaitPort() + "/mcp");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String bearer = "Bearer " + CANARIES.get("CANARY_INBOUND");
      HttpResponse<String> init = post(http, endpoint, bearer, null,
          "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
              + "\"capabilities\":{},\"clientInfo\":{\"name\":\"canary\",\"version\":\"1\"}}}");
      assertThat(init.statusCode()).isEqualTo(200);
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      post(http, endpoint, bearer, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      int id = 1;
      for (String call : calls()) {
        HttpResponse<String> answer = post(http, endpoint, bearer, session,
            "{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":" + call + "}");
        assertThat(answer.statusCode()).isEqualTo(200);
      }
      for (Probe probe : fuzz()) {
        post(http, endpoint, bearer, session, new String(probe.bytes(), StandardCharsets.UTF_8));
      }
      // Wrong and missing tokens, and a token that differs from the right one in its last character.
      String inbound = CANARIES.get("CANARY_INBOUND");
      for (String wrong : new String[] {null, "Bearer nope", "Bearer " + inbound.substring(0, inbound.length() - 1)}) {
        assertThat(post(http, endpoint, wrong, session, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}")
            .statusCode()).isEqualTo(401);
      }
      assertThat(post(http, endpoint, bearer, session, "{\"jsonrpc\":\"2.0\",\"id\":\"last\",\"method\":\"ping\"}")
          .statusCode()).isEqualTo(200);
      server.terminate();
      server.awaitExit(20);
      everything.append(server.stderr());
    }
    everything.append(Files.readString(audit));
    assertEveryCanaryReachedTheApiAndNoneCameBack(true);
  }

  private void assertEveryCanaryReachedTheApiAndNoneCameBack(boolean overHttp) throws InterruptedException {
    StringBuilder received = new StringBuilder();
    RecordedRequest request;
    while ((request = api.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      received.append(seen(request))
          .append(request.getBody() == null ? "" : request.getBody().utf8()).append('\n');
    }
    List<String> used = new ArrayList<>(List.of(CANARIES.get("CANARY_HDR"), CANARIES.get("CANARY_QRY"),
        CANARIES.get("CANARY_CK"), CANARIES.get("CANARY_BASIC_PASSWORD"), CANARIES.get("CANARY_MACHINE_CLIENT_SECRET")));
    // Over HTTP the client's token is exchanged, and the exchanged token replaces the bearer ones.
    used.addAll(overHttp ? List.of(CANARIES.get("CANARY_INBOUND"), EXCHANGED_TOKEN)
        : List.of(CANARIES.get("CANARY_BEARER_TOKEN"), FETCHED_TOKEN));
    for (String secret : used) {
      assertThat(Canary.encodings(secret).values()).as("the API received %s", secret)
          .anyMatch(received.toString()::contains);
    }
    assertThat(everything).as("the echo reached the client").contains("X-Api-Key");
    Canary.assertAbsent(everything.toString(), SECRETS.toArray(String[]::new));
    // The pairs whose base64 is a Basic header: the API's own credentials, and the server's at the token endpoints.
    Canary.assertAbsent(everything.toString(),
        CANARIES.get("CANARY_BASIC_USERNAME") + ":" + CANARIES.get("CANARY_BASIC_PASSWORD"),
        CANARIES.get("CANARY_MACHINE_CLIENT_ID") + ":"
            + URLEncoder.encode(CANARIES.get("CANARY_MACHINE_CLIENT_SECRET"), StandardCharsets.UTF_8));
  }

  /** Good calls of every tool, an upstream failure, a refused token and a call with wrong arguments. */
  private static List<String> calls() {
    List<String> calls = new ArrayList<>();
    for (String scheme : List.of("hdr", "qry", "ck", "basic", "bearer", "machine")) {
      calls.add("{\"name\":\"echo_" + scheme + "\",\"arguments\":{\"q\":\"hello\"}}");
      calls.add("{\"name\":\"echo_" + scheme + "\",\"arguments\":{\"q\":\"fail\"}}");
    }
    calls.add("{\"name\":\"echo_machine\",\"arguments\":{\"q\":\"401\"}}");
    calls.add("{\"name\":\"echo_hdr\",\"arguments\":{\"q\":7}}");
    calls.add("{\"name\":\"echo_nothing\",\"arguments\":{}}");
    return calls;
  }

  private static List<Probe> fuzz() {
    MalformedMessages messages = new MalformedMessages(20_261_208L);
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      probes.add(messages.next());
    }
    return probes;
  }

  /**
   * An API that answers every echo call with the request it got, in the encodings an API or a proxy may use, and
   * the token endpoints with the canary tokens. {@code q=fail} answers 500 and {@code q=401} answers 401, with the
   * same echo, so that error excerpts are searched too.
   */
  private static final class EchoApi extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.equals("/token")) {
        return json(200, "{\"access_token\":\"" + FETCHED_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      }
      if (path.equals("/exchange")) {
        return json(200, "{\"access_token\":\"" + EXCHANGED_TOKEN + "\",\"issued_token_type\":"
            + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      }
      String seen = seen(request);
      String body = "{\"raw\":\"" + seen.replace("\n", "\\n").replace("/", "\\/") + "\","
          + "\"lower\":\"" + lowerPercent(seen) + "\","
          + "\"b64\":\"" + Base64.getEncoder().encodeToString(seen.getBytes(StandardCharsets.UTF_8)) + "\","
          + "\"b64shifted\":\"" + Base64.getEncoder().encodeToString(("x" + seen).getBytes(StandardCharsets.UTF_8))
          + "\",\"url\":\"" + Base64.getUrlEncoder().withoutPadding()
              .encodeToString(("xy" + seen).getBytes(StandardCharsets.UTF_8)) + "\"}";
      String q = request.getUrl().queryParameter("q");
      int status = "fail".equals(q) ? 500 : "401".equals(q) ? 401 : 200;
      return json(status, body);
    }

    private static MockResponse json(int status, String body) {
      return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static String lowerPercent(String text) {
      StringBuilder out = new StringBuilder();
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        if (Character.isLetterOrDigit(b) || b == '-') {
          out.append((char) b);
        } else {
          out.append('%').append(String.format("%02x", b & 0xff));
        }
      }
      return out.toString();
    }
  }

  /**
   * The request line and headers as sent (OkHttp's own {@code toString} hides sensitive headers), and what any
   * Basic credentials decode to, as an API that reports the caller would show it.
   */
  private static String seen(RecordedRequest request) {
    StringBuilder text = new StringBuilder(request.getRequestLine()).append('\n');
    request.getHeaders().forEach(header -> {
      text.append(header.getFirst()).append(": ").append(header.getSecond()).append('\n');
      if (header.getSecond().startsWith("Basic ")) {
        text.append("Decoded: ").append(new String(Base64.getDecoder().decode(header.getSecond().substring(6)),
            StandardCharsets.UTF_8)).append('\n');
      }
    });
    return text.toString();
  }

  private HttpResponse<String> post(HttpClient http, URI endpoint, String authorization, String session, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    everything.append(response.statusCode()).append(' ').append(response.headers().map()).append('\n')
        .append(response.body()).append('\n');
    return response;
  }

  private static void send(OutputStream in, String line) throws IOException {
    in.write(line.getBytes(StandardCharsets.UTF_8));
    in.write('\n');
    in.flush();
  }
}
