package dev.openapi2mcp.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.testing.Canary;
import dev.openapi2mcp.runtime.testing.CanaryServerMain;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile clients against the real HTTP server process (issue 11): slow-loris sockets, oversized bodies (a huge
 * declared length, an endless chunked body) and one principal opening {@value #FLOOD_SESSIONS} sessions. Throughout,
 * a well-behaved client ({@code alice}) must get {@code tools/list} answered within {@value #ANSWER_SECONDS} s.
 * The JSON-RPC fuzz of both transports, with its oversized stdio line and HTTP bodies, is {@link JsonRpcFuzzIT}.
 *
 * <p>The server ({@link CanaryServerMain}) holds a canary for every kind of upstream credential besides the inbound
 * tokens; after the attacks, everything it wrote and answered is searched for each of them in every encoding
 * ({@link Canary}): none may be there. {@link CanaryIT} does the same with an API that echoes every credential.
 */
@Timeout(120)
class HostileClientIT {
  static final int SLOW_SOCKETS = 200;
  static final int FLOOD_SESSIONS = 10_000;
  static final int SESSIONS_PER_CLIENT = 50;
  static final int ANSWER_SECONDS = 2;
  static final String ALICE = "alice-token-7f3c9a12e4b6";
  static final String MALLORY = "mallory-token-5d8e1b0c2a94";
  private static final int MAX_BODY = 4 * 1024 * 1024;
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"hostile\",\"version\":\"1\"}}}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  @TempDir
  static Path temp;

  /** Every answer the server gave, for the canary search. */
  private static final StringBuffer ANSWERS = new StringBuffer();
  private static ServerProcess server;
  private static int port;
  private static URI endpoint;
  private static String aliceSession;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void startServer() throws Exception {
    Path tokens = Files.writeString(temp.resolve("tokens"), "alice:" + ALICE + "\nmallory:" + MALLORY + "\n");
    server = CanaryServerMain.start(List.of("--transport", "http", "--port", "0",
        "--auth-tokens-file", tokens.toString(), "--max-sessions-per-client", String.valueOf(SESSIONS_PER_CLIENT)));
    port = server.awaitPort();
    assertThat(server.stderr()).as("the HTTP server's own logging stays silent").doesNotContain("SLF4J");
    endpoint = URI.create("http://127.0.0.1:" + port + "/mcp");
    HttpResponse<String> init = post(ALICE, null, INIT);
    assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
    aliceSession = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(post(ALICE, aliceSession, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
        .statusCode()).isEqualTo(202);
  }

  @AfterAll
  static void stopServerAndSearchItsOutputForSecrets() {
    if (server == null) {
      return;
    }
    server.close();
    List<String> secrets = new ArrayList<>(CanaryServerMain.configuredSecrets());
    secrets.addAll(List.of(ALICE, MALLORY));
    // stderr holds the logs and the audit trail; stdout carries nothing over HTTP.
    Canary.assertAbsent(server.stderr() + ANSWERS, secrets.toArray(String[]::new));
  }

  @Test
  void slowLorisSocketsDoNotDelayAWellBehavedClient() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      String[] stalls = {"P", "POST /mcp HTTP/1.1\r\n", "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthoriz",
          "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"};
      for (int i = 0; i < SLOW_SOCKETS; i++) {
        Socket socket = new Socket();
        slow.add(socket);
        try {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        } catch (IOException e) {
          throw new AssertionError("socket " + i + " could not connect; stderr:\n" + server.stderr(), e);
        }
        OutputStream out = socket.getOutputStream();
        out.write(stalls[i % stalls.length].getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      Thread.sleep(300);
      assertAliceIsServed();
      HttpResponse<String> fresh = post(ALICE, null, INIT);
      assertThat(fresh.statusCode()).as("a new session while the sockets stall").isEqualTo(200);
      post(ALICE, fresh.headers().firstValue("Mcp-Session-Id").orElseThrow(), null);
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
    assertThat(server.process().isAlive()).isTrue();
  }

  @Test
  void aHugeDeclaredLengthIsRefusedWith413WithoutReadingIt() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(ANSWER_SECONDS * 1000);
      write(socket, head("Content-Length: " + (10L * 1024 * 1024 * 1024)) + "{\"jsonrpc\":");
      assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
    }
    assertAliceIsServed();
  }

  @Test
  void aChunkedBodyBeyondTheCapIsRefusedWith413() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      write(socket, head("Transfer-Encoding: chunked"));
      byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      OutputStream out = socket.getOutputStream();
      try {
        for (int sent = 0; sent <= MAX_BODY + 0x10000; sent += 0x10000) {
          out.write(chunk);
        }
        out.flush();
      } catch (IOException closedByTheServer) {
        // the server answered and closed the connection before the body ended, as it should
      }
      assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
    }
    assertAliceIsServed();
  }

  @Test
  void onePrincipalOpeningTenThousandSessionsGetsItsCapAndNoMore() throws Exception {
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        workers.add(pool.submit(() -> {
          for (int i = 0; i < FLOOD_SESSIONS / 4; i++) {
            HttpResponse<String> response = post(MALLORY, null, INIT);
            switch (response.statusCode()) {
              case 200 -> opened.incrementAndGet();
              case 429 -> refused.incrementAndGet();
              default -> throw new AssertionError(response.statusCode() + " " + response.body());
            }
          }
          return null;
        }));
      }
      while (workers.stream().anyMatch(worker -> !worker.isDone())) {
        assertAliceIsServed();
        Thread.sleep(200);
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(opened.get()).isEqualTo(SESSIONS_PER_CLIENT);
    assertThat(refused.get()).isEqualTo(FLOOD_SESSIONS - SESSIONS_PER_CLIENT);
    assertAliceIsServed();
    assertThat(post(ALICE, null, INIT).statusCode()).as("another principal still gets a session").isEqualTo(200);
  }

  private static void assertAliceIsServed() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(ANSWER_SECONDS))
        .POST(HttpRequest.BodyPublishers.ofString(LIST))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .header("Authorization", "Bearer " + ALICE).header("Mcp-Session-Id", aliceSession).build();
    HttpResponse<String> response = keep(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode tools = JSON.readTree(response.body()).at("/result/tools");
    assertThat(tools.size()).isPositive();
  }

  private static HttpResponse<String> post(String token, String session, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .header("Authorization", "Bearer " + token);
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    if (body == null) {
      request.DELETE();
    } else {
      request.POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return keep(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static HttpResponse<String> keep(HttpResponse<String> response) {
    ANSWERS.append(response.statusCode()).append(' ').append(response.headers().map()).append('\n')
        .append(response.body()).append('\n');
    return response;
  }

  private static String head(String lengthHeader) {
    return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\nAuthorization: Bearer " + ALICE + "\r\n"
        + "Mcp-Session-Id: " + aliceSession + "\r\n" + lengthHeader + "\r\n\r\n";
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String statusLine(Socket socket) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    String line = in.readLine();
    ANSWERS.append(line).append('\n');
    return line == null ? "(connection closed without an answer)" : line;
  }
}
