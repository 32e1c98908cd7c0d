package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that opens an event stream and never reads it (issue 11). Writes to its stream must not block the
 * writer, which may hold a session's lock or be the keep-alive thread shared by every session; once the client has
 * fallen far enough behind, the stream is dropped and the write reports it. Other requests are answered meanwhile.
 */
@Timeout(60)
class SlowStreamReaderTest {
  private static final int BACKLOG = 256 * 1024;
  private static final String EVENT = "event: message\ndata: " + "x".repeat(16 * 1024) + "\n\n";

  private HttpEngine engine;
  private Socket reader;

  @AfterEach
  void stop() throws IOException {
    if (reader != null) {
      reader.close();
    }
    if (engine != null) {
      engine.stop(Duration.ZERO);
    }
  }

  @Test
  void aStreamWhoseClientNeverReadsIsDroppedWithoutBlockingTheWriter() throws Exception {
    BlockingQueue<EventStream> opened = new ArrayBlockingQueue<>(1);
    engine = new JettyHttpEngine(4, null, Duration.ofSeconds(30), 100, BACKLOG);
    InetSocketAddress address = engine.start(new InetSocketAddress("127.0.0.1", 0), call -> {
      if (call.path().equals("/stream")) {
        try {
          opened.add(call.openEventStream(Map.of()));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      } else {
        call.respond(200, Map.of(), "text/plain", "pong".getBytes(StandardCharsets.UTF_8));
      }
    });
    reader = new Socket();
    reader.setReceiveBufferSize(4096);
    reader.connect(address, 5_000);
    OutputStream out = reader.getOutputStream();
    out.write("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    EventStream stream = opened.poll(5, TimeUnit.SECONDS);
    assertThat(stream).isNotNull();

    // Far more than the socket buffers and the backlog hold; unbounded blocking writes would hang here.
    int written = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      int events = 0;
      try {
        while (events < 10_000) {
          stream.write(EVENT);
          events++;
        }
      } catch (IOException dropped) {
        // the stream fell behind by more than the backlog
      }
      return events;
    });
    assertThat(written).as("the write that overflows the backlog fails").isLessThan(10_000);
    IOException afterwards = assertThrows(IOException.class, () -> stream.write(EVENT));
    assertThat(afterwards).hasMessageContaining("closed");

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> pong = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + address.getPort() + "/ping")).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(pong.body()).isEqualTo("pong");
  }
}
