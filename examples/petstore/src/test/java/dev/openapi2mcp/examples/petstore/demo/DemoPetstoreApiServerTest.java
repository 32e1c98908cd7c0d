package dev.openapi2mcp.examples.petstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.examples.petstore.demo.DemoClient.Reply;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DemoPetstoreApiServerTest extends DemoApiTestBase {

  @Test
  void listensOnLoopbackUnderTheSpecsBasePath() {
    assertThat(api.baseUrl()).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/v2");
  }

  @Test
  void logsOneLinePerRequestWithoutTheQueryString() {
    client.get("/pet/1");
    client.get("/pet/999");
    client.get("/user/login?username=alice&password=alice-demo-password");

    assertThat(logLines()).containsExactly(
        "demo-api: GET /v2/pet/1 -> 200",
        "demo-api: GET /v2/pet/999 -> 404",
        "demo-api: GET /v2/user/login -> 200");
  }

  @Test
  void unknownPathsAre404AndWrongMethods405WithAllow() {
    assertThat(client.get("/pets").status()).isEqualTo(404);
    assertThat(new DemoClient(api.baseUrl().replace("/v2", "")).get("/pet/1").status()).isEqualTo(404);

    Reply wrongMethod = client.send("PATCH", "/pet", "application/json", "{}");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST, PUT");
    assertThat(wrongMethod.json().get("code").asInt()).isEqualTo(405);
  }

  @Test
  void bodiesAboveTheLimitAre413() {
    String big = "{\"name\":\"" + "x".repeat(DemoPetstoreApi.MAX_BODY_BYTES) + "\",\"photoUrls\":[]}";

    assertThat(client.postJson("/pet", big).status()).isEqualTo(413);
  }

  @Test
  void concurrentAddsGetDistinctIdsAndAllArePresent() throws Exception {
    int count = 40;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Long>> adds = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String body = "{\"name\":\"pet-" + i + "\",\"photoUrls\":[],\"status\":\"pending\"}";
        adds.add(() -> client.postJson("/pet", body).json().get("id").asLong());
      }
      Set<Long> ids = new HashSet<>();
      for (Future<Long> id : pool.invokeAll(adds)) {
        ids.add(id.get());
      }
      assertThat(ids).hasSize(count);
      ids.forEach(id -> assertThat(client.get("/pet/" + id).status()).isEqualTo(200));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void allItsThreadsAreDaemonsSoItNeverKeepsAJvmAlive() {
    client.get("/pet/1");

    List<Thread> serverThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("demo-api") || t.getName().startsWith("HTTP-Dispatcher"))
        .toList();
    assertThat(serverThreads).extracting(Thread::getName).anyMatch(name -> name.startsWith("HTTP-Dispatcher"));
    assertThat(serverThreads).allMatch(Thread::isDaemon, "is a daemon");
  }

  @Test
  void stopClosesThePort() {
    String url = api.baseUrl() + "/pet/1";
    api.stop();

    HttpClient http = HttpClient.newHttpClient();
    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }
}
