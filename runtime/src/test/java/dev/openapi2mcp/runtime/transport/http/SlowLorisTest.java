package dev.openapi2mcp.runtime.transport.http;

import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow-loris (issue 11): clients that open a connection, send a byte or a partial request head and then stall must
 * not hold the threads that serve everyone else. With 200 such sockets open, a well-behaved client still gets its
 * {@code initialize} and {@code tools/list} answered within 2 s.
 */
@Timeout(60)
class SlowLorisTest {
  private static final int SLOW_SOCKETS = 200;

  private McpServer server;
  private StreamableHttpTransport transport;
  private final List<Socket> slow = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : slow) {
      socket.close();
    }
    if (transport != null) {
      transport.close();
    }
  }

  @Test
  void stalledRequestHeadsDoNotDelayAWellBehavedClient() throws Exception {
    server = SampleServer.server(McpServerOptions.defaults());
    transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0));
    transport.start();
    int port = transport.endpoint().getPort();
    HttpTestClient client = new HttpTestClient(transport.endpoint());
    client.initialize(); // the client's own connection and classes are warm before the attack

    int connected = 0;
    String[] stalls = {"P", "POST /mcp HTTP/1.1\r\n", "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty"};
    for (int i = 0; i < SLOW_SOCKETS; i++) {
      Socket socket = new Socket();
      slow.add(socket);
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      } catch (SocketTimeoutException e) {
        break; // the server stopped accepting: the attack already worked, the client below shows it
      }
      connected++;
      OutputStream out = socket.getOutputStream();
      out.write(stalls[i % stalls.length].getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    Thread.sleep(300); // the server has seen every stalled head

    HttpTestClient fresh = new HttpTestClient(transport.endpoint());
    HttpResponse<String> tools = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      String session = fresh.initialize();
      return fresh.post(request(2, "tools/list", "{}"), session);
    });
    assertThat(tools.statusCode()).isEqualTo(200);
    assertThat(fresh.json(tools).at("/result/tools").size()).isPositive();
    assertThat(connected).as("every stalling socket was accepted").isEqualTo(SLOW_SOCKETS);
  }
}
