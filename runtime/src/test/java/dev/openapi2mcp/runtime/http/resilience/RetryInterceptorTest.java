package dev.openapi2mcp.runtime.http.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.testing.FakeTime;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 5: the retry interceptor on a plain OkHttp client, for requests the executor never builds. */
class RetryInterceptorTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private OkHttpClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new OkHttpClient.Builder()
        .addInterceptor(new RetryInterceptor(RetryPolicy.defaults(), time, new Random(3)))
        .build();
  }

  @AfterEach
  void stop() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    server.close();
  }

  @Test
  void aOneShotBodyIsNeverSentTwice() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/octet-stream");
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("stream");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
    RetryRecord record = new RetryRecord("PUT /upload");
    Request request = new Request.Builder().url(server.url("/upload")).put(oneShot)
        .tag(RetryRecord.class, record).build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(503);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(record.attempts()).isEqualTo(1);
    assertThat(record.gaveUp()).isFalse();
    assertThat(record.summary()).isEqualTo("The API asks to retry after 2 s (at 2025-06-01T12:00:02Z); its request "
        + "body cannot be sent twice, so it is not retried automatically.");
  }

  @Test
  void withoutATagTheInterceptorStillRetries() throws Exception {
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    try (Response response = client.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).singleElement().satisfies(wait ->
        assertThat(wait).isBetween(Duration.ZERO, RetryPolicy.defaults().baseDelay()));
  }

  @Test
  void onlyIdempotentMethodsQualify() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "get"}) {
      assertThat(RetryInterceptor.isIdempotent(method)).as(method).isTrue();
    }
    for (String method : new String[] {"POST", "PATCH", "CONNECT", "QUERY?"}) {
      assertThat(RetryInterceptor.isIdempotent(method)).as(method).isFalse();
    }
  }
}
