package dev.openapi2mcp.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.reliability.MalformedMessages.Probe;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5, reliability: seeded fuzzing of the JSON-RPC layer over both transports of the real server process
 * ({@code SampleServerMain}). {@value #MESSAGES} messages from {@link MalformedMessages} per transport, in batches of
 * {@value #BATCH}; after each batch a valid {@code ping} and {@code tools/list} must succeed and the process must
 * still run. Every answer must be one valid JSON-RPC response with the code and id its message is owed; messages
 * owed nothing (notifications, responses to nothing) must get nothing. Over HTTP, transport mischief is mixed in:
 * wrong media types, missing or unknown session ids, bad protocol versions, oversized bodies, wrong methods.
 *
 * <p>{@code StdioProcessTest}, {@code StdioTransportTest} and {@code StreamableHttpTransportTest} pin single cases of
 * each; this class runs the mix at volume. The counts are printed for the reliability note.
 */
@Timeout(120)
class JsonRpcFuzzIT {
  static final long SEED = 20_260_528L;
  static final int MESSAGES = 2_000;
  static final int BATCH = 100;

  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  // ---------------------------------------------------------------- stdio

  @Test
  void stdioAnswersEveryMalformedMessageAndKeepsServing() throws Exception {
    JsonRpcAnswers answers = new JsonRpcAnswers();
    try (ServerProcess server = ServerProcess.start()) {
      OutputStream in = server.process().getOutputStream();
      StdoutLines out = new StdoutLines(server);
      writeLine(in, INIT.getBytes(StandardCharsets.UTF_8));
      writeLine(in, INITIALIZED.getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertThat(JsonRpcAnswers.parse(out.take()).at("/result/protocolVersion").asText())
          .isEqualTo("2025-11-25");

      MalformedMessages messages = new MalformedMessages(SEED);
      for (int batch = 0; batch < MESSAGES / BATCH; batch++) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
          probes.add(messages.next());
        }
        if (batch == 3) {
          // A line over the 16 MiB limit is refused as a whole; reading goes on at the next line.
          probes.add(new Probe("overlongLine", ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"s\":\""
              + "x".repeat(17 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8),
              MalformedMessages.Expected.framing(null, MalformedMessages.INVALID_REQUEST)));
          probes.add(new Probe("longLine", ("{\"jsonrpc\":\"2.0\",\"id\":\"long\",\"method\":\"ping\",\"params\":{\"s\":\""
              + "y".repeat(5 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8),
              MalformedMessages.Expected.result("\"long\"")));
        }
        runStdioBatch(batch, probes, in, out, server, answers);
      }
      assertThat(server.process().isAlive()).isTrue();
      System.out.println(answers.summary("stdio"));
      in.close();
      assertThat(server.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.process().exitValue()).isZero();
      assertThat(server.stderr()).doesNotContain("Exception");
    }
  }

  private static void runStdioBatch(int batch, List<Probe> probes, OutputStream in, StdoutLines out,
      ServerProcess server, JsonRpcAnswers answers) throws Exception {
    Map<String, Probe> byId = new HashMap<>();
    List<Probe> withoutId = new ArrayList<>();
    for (Probe probe : probes) {
      writeLine(in, probe.bytes());
      answers.sent.incrementAndGet();
      if (!probe.expected().answered()) {
        answers.countUnanswered(probe.kind());
      } else if (probe.expected().id() == null) {
        withoutId.add(probe);
      } else {
        assertThat(byId.put(JsonRpcAnswers.key(probe.expected().id()), probe)).as("ids are unique").isNull();
      }
    }
    String ping = "\"ping-" + batch + "\"";
    String list = "\"list-" + batch + "\"";
    writeLine(in, ("{\"jsonrpc\":\"2.0\",\"id\":" + ping + ",\"method\":\"ping\"}").getBytes(StandardCharsets.UTF_8));
    writeLine(in, ("{\"jsonrpc\":\"2.0\",\"id\":" + list + ",\"method\":\"tools/list\"}")
        .getBytes(StandardCharsets.UTF_8));
    in.flush();

    // Everything but tool calls is answered on the reading thread, in order: by the time tools/list is answered,
    // every answer with id null has been written, in the order of its messages.
    int nextWithoutId = 0;
    boolean pinged = false;
    boolean listed = false;
    while (!listed || !byId.isEmpty()) {
      JsonNode answer = JsonRpcAnswers.parse(out.take());
      String id = answer.get("id").toString();
      if (id.equals(ping)) {
        assertThat(answer.get("result").isObject()).isTrue();
        pinged = true;
      } else if (id.equals(list)) {
        assertThat(pinged).as("ping is answered before tools/list").isTrue();
        assertThat(answer.at("/result/tools").size()).isEqualTo(3);
        assertThat(nextWithoutId).as("answers with id null in batch %d", batch).isEqualTo(withoutId.size());
        listed = true;
      } else if (id.equals("null")) {
        assertThat(nextWithoutId).as("more answers with id null than due: %s", answer).isLessThan(withoutId.size());
        answers.check(withoutId.get(nextWithoutId++), answer);
      } else {
        Probe probe = byId.remove(id);
        assertThat(probe).as("an answer to a message that is owed one: %s", JsonRpcAnswers.clip(answer.toString()))
            .isNotNull();
        answers.check(probe, answer);
      }
    }
    assertThat(server.process().isAlive()).isTrue();
  }

  private static void writeLine(OutputStream in, byte[] bytes) throws IOException {
    in.write(bytes);
    in.write('\n');
  }

  // ---------------------------------------------------------------- HTTP

  private static final String ACCEPT_BOTH = "application/json, text/event-stream";

  /** A request the HTTP transport must refuse whatever its body, with the status it must answer. */
  private record Mischief(String kind, String method, Map<String, String> headers, byte[] body, int status) {}

  @Test
  void httpAnswersEveryMalformedMessageAndKeepsServing() throws Exception {
    JsonRpcAnswers answers = new JsonRpcAnswers();
    try (ServerProcess server = ServerProcess.start("--transport", "http", "--port", "0")) {
      URI endpoint = URI.create("http://127.0.0.1:" + server.awaitPort() + "/mcp");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> init = post(http, endpoint, INIT.getBytes(StandardCharsets.UTF_8), headers(null));
      assertThat(init.statusCode()).isEqualTo(200);
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      assertThat(post(http, endpoint, INITIALIZED.getBytes(StandardCharsets.UTF_8), headers(session)).statusCode())
          .isEqualTo(202);

      MalformedMessages messages = new MalformedMessages(SEED);
      Random mischiefChoice = new Random(SEED + 1);
      for (int batch = 0; batch < MESSAGES / BATCH; batch++) {
        for (int i = 0; i < BATCH; i++) {
          Probe probe = messages.next();
          answers.sent.incrementAndGet();
          HttpResponse<String> response = post(http, endpoint, probe.bytes(), headers(session));
          checkHttp(probe, response, answers);
          if (mischiefChoice.nextInt(5) == 0) {
            Mischief mischief = mischief(mischiefChoice, session, probe.bytes());
            answers.sent.incrementAndGet();
            HttpResponse<String> refused = send(http, endpoint, mischief.method(), mischief.body(), mischief.headers());
            answers.countStatus(refused.statusCode());
            assertThat(refused.statusCode()).as("%s: %s", mischief.kind(), refused.body())
                .isEqualTo(mischief.status());
            if (!refused.body().isEmpty()) {
              JsonNode answer = JsonRpcAnswers.parse(refused.body());
              assertThat(answer.get("id").isNull()).isTrue();
              answers.count(mischief.kind(), answer);
            } else {
              answers.countUnanswered(mischief.kind());
            }
          }
        }
        HttpResponse<String> ping = post(http, endpoint,
            ("{\"jsonrpc\":\"2.0\",\"id\":\"ping-" + batch + "\",\"method\":\"ping\"}").getBytes(StandardCharsets.UTF_8),
            headers(session));
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(JsonRpcAnswers.parse(ping.body()).get("result").isObject()).isTrue();
        HttpResponse<String> list = post(http, endpoint,
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}".getBytes(StandardCharsets.UTF_8),
            headers(session));
        assertThat(JsonRpcAnswers.parse(list.body()).at("/result/tools").size()).isEqualTo(3);
        assertThat(server.process().isAlive()).isTrue();
      }
      System.out.println(answers.summary("HTTP"));
      assertThat(server.stderr()).doesNotContain("Exception");
    }
  }

  private static void checkHttp(Probe probe, HttpResponse<String> response, JsonRpcAnswers answers) {
    answers.countStatus(response.statusCode());
    MalformedMessages.Expected expected = probe.expected();
    String what = probe.kind() + " " + probe.text() + " -> " + response.statusCode() + " "
        + JsonRpcAnswers.clip(response.body());
    if (!expected.answered()) {
      assertThat(response.statusCode()).as(what).isEqualTo(202);
      assertThat(response.body()).as(what).isEmpty();
      answers.countUnanswered(probe.kind());
      return;
    }
    assertThat(response.statusCode()).as(what).isEqualTo(expected.framing() ? 400 : 200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
    answers.check(probe, JsonRpcAnswers.parse(response.body()));
  }

  private static Mischief mischief(Random random, String session, byte[] body) {
    Map<String, String> good = headers(session);
    byte[] ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(12)) {
      case 0: {
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.put("Content-Type", List.of("text/plain", "application/xml", "application/jsonx",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded").get(random.nextInt(5)));
        return new Mischief("wrongContentType", "POST", headers, body, 415);
      }
      case 1: {
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.remove("Content-Type");
        return new Mischief("noContentType", "POST", headers, body, 415);
      }
      case 2: {
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.put("Accept", List.of("text/html", "application/json", "text/event-stream", "*/x").get(random.nextInt(4)));
        return new Mischief("wrongAccept", "POST", headers, ping, 406);
      }
      case 3: {
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.remove("Mcp-Session-Id");
        return new Mischief("noSession", "POST", headers, ping, 400);
      }
      case 4: {
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.put("Mcp-Session-Id", List.of("0", "../" + session, session + "x", "x".repeat(4000),
            session.toUpperCase(java.util.Locale.ROOT) + "Z").get(random.nextInt(5)));
        return new Mischief("unknownSession", "POST", headers, ping, 404);
      }
      case 5: {
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.put("MCP-Protocol-Version", List.of("1999-01-01", "garbage", "2025-11-25x", "2.0", "latest")
            .get(random.nextInt(5)));
        return new Mischief("badProtocolVersion", "POST", headers, ping, 400);
      }
      case 6:
        return new Mischief("reinitializeWithSession", "POST", good, INIT.getBytes(StandardCharsets.UTF_8), 400);
      case 7:
        return new Mischief("wrongMethod", List.of("PUT", "PATCH", "OPTIONS").get(random.nextInt(3)), good, ping, 405);
      case 8: {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Mcp-Session-Id", session);
        if (random.nextBoolean()) {
          headers.put("Accept", "application/json");
        }
        return new Mischief("getWithoutEventStream", "GET", headers, null, 406);
      }
      case 9: {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Mcp-Session-Id", "no-such-session-" + random.nextInt(1000));
        return new Mischief("deleteUnknownSession", "DELETE", headers, null, 404);
      }
      case 10: {
        byte[] big = new byte[4 * 1024 * 1024 + 1 + random.nextInt(1024)];
        java.util.Arrays.fill(big, (byte) ' ');
        return new Mischief("oversizedBody", "POST", good, big, 413);
      }
      default: {
        Map<String, String> headers = new LinkedHashMap<>(good);
        headers.put("Origin", List.of("http://evil.example", "null", "https://127.0.0.1.evil.example")
            .get(random.nextInt(3)));
        return new Mischief("foreignOrigin", "POST", headers, ping, 403);
      }
    }
  }

  private static Map<String, String> headers(String session) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", ACCEPT_BOTH);
    if (session != null) {
      headers.put("Mcp-Session-Id", session);
    }
    return headers;
  }

  private static HttpResponse<String> post(HttpClient http, URI endpoint, byte[] body, Map<String, String> headers)
      throws Exception {
    return send(http, endpoint, "POST", body, headers);
  }

  private static HttpResponse<String> send(HttpClient http, URI endpoint, String method, byte[] body,
      Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
