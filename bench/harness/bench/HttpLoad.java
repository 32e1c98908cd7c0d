package bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load generator for Streamable HTTP: a lean JVM client ({@link RawHttp}: blocking keep-alive HTTP/1.1
 * connections, one per request in flight). Each MCP session is opened by its own {@code initialize} (the session id
 * is taken from {@code Mcp-Session-Id}) and then driven by {@code inFlight} platform threads, each on its own
 * connection, that send {@code tools/call} requests back to back until the deadline. A call counts as served only
 * when its answer is a JSON-RPC result that is not {@code isError}; a non-200 status, a JSON-RPC error, an
 * {@code isError} result or an I/O failure is an error; a call without an answer within the timeout is a timeout. A
 * session is served when at least one of its calls was.
 */
final class HttpLoad {

  /** What one load run measured. */
  record Result(int sessions, int sessionsServed, long ok, long errors, long timeouts, double seconds) {
    double callsPerSecond() {
      return ok / seconds;
    }

    String summary() {
      return String.format("%.0f calls/s, %d/%d sessions served, %d errors, %d timeouts", callsPerSecond(),
          sessionsServed, sessions, errors, timeouts);
    }
  }

  /** Something that answers calls: an MCP endpoint or, for the client's own ceiling, the mock API itself. */
  interface Target {
    Session open(int timeoutMillis) throws IOException;
  }

  /** One session; each thread that calls it gets its own {@link Caller} (its own connection). */
  interface Session {
    Caller caller();

    default void close() {}
  }

  interface Caller extends AutoCloseable {
    /** One call; true when it was served. A timeout is a {@link SocketTimeoutException}. */
    boolean call(int seq) throws IOException;

    @Override
    void close();
  }

  private final int timeoutMillis;

  HttpLoad(Duration timeout) {
    this.timeoutMillis = (int) timeout.toMillis();
  }

  Result run(Target target, int sessions, int inFlight, Duration duration) throws InterruptedException {
    LongAdder ok = new LongAdder();
    LongAdder errors = new LongAdder();
    LongAdder timeouts = new LongAdder();
    AtomicInteger served = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(sessions);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      Thread opener = new Thread(() -> {
        Session session = null;
        try {
          session = target.open(timeoutMillis);
        } catch (SocketTimeoutException e) {
          timeouts.increment();
        } catch (IOException | RuntimeException e) {
          errors.increment();
        } finally {
          ready.countDown();
        }
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        if (session == null) {
          return;
        }
        Session open = session;
        LongAdder sessionOk = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < inFlight; w++) {
          Thread worker = new Thread(() -> {
            try (Caller caller = open.caller()) {
              int seq = 0;
              while (System.nanoTime() < window[1]) {
                try {
                  if (caller.call(seq++)) {
                    ok.increment();
                    sessionOk.increment();
                  } else {
                    errors.increment();
                  }
                } catch (SocketTimeoutException e) {
                  timeouts.increment();
                } catch (IOException | RuntimeException e) {
                  errors.increment();
                }
              }
            }
          });
          worker.start();
          workers.add(worker);
        }
        for (Thread worker : workers) {
          try {
            worker.join();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (sessionOk.sum() > 0) {
          served.incrementAndGet();
        }
        open.close();
      });
      opener.start();
      threads.add(opener);
    }
    ready.await();
    window[0] = System.nanoTime();
    window[1] = window[0] + duration.toNanos();
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    // Calls still running at the deadline finish after it; the rate is over the time until the last one ended.
    double seconds = (System.nanoTime() - window[0]) / 1e9;
    return new Result(sessions, served.get(), ok.sum(), errors.sum(), timeouts.sum(), seconds);
  }

  /** An MCP server's Streamable HTTP endpoint at {@code /mcp}, called with {@code tools/call} of one tool. */
  static Target mcp(int port, String toolCallParamsTemplate) {
    return timeoutMillis -> {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      headers.put("Accept", "application/json, text/event-stream");
      try (RawHttp connection = new RawHttp(port, timeoutMillis)) {
        RawHttp.Response init = connection.exchange("POST", "/mcp", headers,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":" + StdioClient.INITIALIZE_PARAMS + "}");
        JsonNode answer = message(init);
        if (init.status() != 200 || answer == null || !answer.has("result")) {
          throw new IOException("initialize: HTTP " + init.status() + " " + init.body());
        }
        String sessionId = init.header("mcp-session-id");
        if (sessionId != null) {
          headers.put("Mcp-Session-Id", sessionId);
        }
        headers.put("MCP-Protocol-Version", answer.path("result").path("protocolVersion").asText());
        RawHttp.Response initialized = connection.exchange("POST", "/mcp", headers,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        if (initialized.status() / 100 != 2) {
          throw new IOException("notifications/initialized: HTTP " + initialized.status());
        }
      }
      Map<String, String> sessionHeaders = Map.copyOf(headers);
      // Request ids must be unique within a session: a server matches answers to requests by id.
      AtomicLong ids = new AtomicLong();
      return new Session() {
        @Override
        public Caller caller() {
          RawHttp connection = new RawHttp(port, timeoutMillis);
          return new Caller() {
            @Override
            public boolean call(int seq) throws IOException {
              String params = toolCallParamsTemplate.replace("$N", Integer.toString(1 + seq % 5));
              RawHttp.Response response = connection.exchange("POST", "/mcp", sessionHeaders,
                  "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":\"tools/call\",\"params\":" + params + "}");
              JsonNode message = message(response);
              return response.status() == 200 && message != null && message.has("result")
                  && !message.path("result").path("isError").asBoolean(false);
            }

            @Override
            public void close() {
              connection.close();
            }
          };
        }

        @Override
        public void close() {
          if (sessionHeaders.containsKey("Mcp-Session-Id")) {
            try (RawHttp connection = new RawHttp(port, timeoutMillis)) {
              connection.exchange("DELETE", "/mcp", sessionHeaders, null);
            } catch (IOException e) {
              // Closing is a courtesy to the server; the figures are already taken.
            }
          }
        }
      };
    };
  }

  /** The mock API itself: what the client reaches without any MCP server in between (its own ceiling). */
  static Target direct(int port) {
    return timeoutMillis -> () -> {
      RawHttp connection = new RawHttp(port, timeoutMillis);
      return new Caller() {
        @Override
        public boolean call(int seq) throws IOException {
          return connection.exchange("GET", "/v2/pet/" + (1 + seq % 5), Map.of(), null).status() == 200;
        }

        @Override
        public void close() {
          connection.close();
        }
      };
    };
  }

  /** The JSON-RPC answer in a response, whether sent as a JSON body or as a data event of an SSE stream. */
  static JsonNode message(RawHttp.Response response) throws IOException {
    String contentType = response.header("content-type");
    String body = response.body();
    if (contentType != null && contentType.startsWith("text/event-stream")) {
      JsonNode last = null;
      for (String line : body.split("\n")) {
        if (line.startsWith("data:")) {
          JsonNode node = StdioClient.JSON.readTree(line.substring(5).trim());
          if (node.has("result") || node.has("error")) {
            last = node;
          }
        }
      }
      return last;
    }
    return body.isBlank() ? null : StdioClient.JSON.readTree(body);
  }
}
