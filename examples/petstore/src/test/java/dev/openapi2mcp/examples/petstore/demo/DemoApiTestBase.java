package dev.openapi2mcp.examples.petstore.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a freshly seeded demo API per test, with its request log captured. */
abstract class DemoApiTestBase {

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  protected DemoPetstoreApi api;
  protected DemoClient client;

  @BeforeEach
  void startApi() throws IOException {
    api = DemoPetstoreApi.start(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    client = new DemoClient(api.baseUrl());
  }

  @AfterEach
  void stopApi() {
    api.stop();
  }

  /** The request log so far, one entry per line. */
  protected List<String> logLines() {
    synchronized (logBytes) {
      return logBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }
}
