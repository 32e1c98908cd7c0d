package dev.openapi2mcp.runtime.transport.http;

import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.testing.ServerProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real process over HTTP: the listening line, and SIGTERM letting an in-flight call finish. */
@Timeout(60)
class HttpProcessTest {

  @Test
  void sigtermLetsTheRunningCallAnswerThenTheProcessEnds() throws Exception {
    try (ServerProcess server = ServerProcess.start("--transport", "http", "--port", "0")) {
      int port = server.awaitPort();
      HttpTestClient client = new HttpTestClient(URI.create("http://127.0.0.1:" + port + "/mcp"));
      String session = client.initialize();
      CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
        try {
          return client.post(request(7, "tools/call", "{\"name\":\"slow\",\"arguments\":{\"ms\":1500}}"), session);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(500);
      server.process().destroy(); // SIGTERM

      HttpResponse<String> response = slow.get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(client.json(response).at("/result/content/0/text").asText()).isEqualTo("slept 1500 7");
      assertThat(server.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.stderr()).doesNotContain("Exception");
    }
  }
}
