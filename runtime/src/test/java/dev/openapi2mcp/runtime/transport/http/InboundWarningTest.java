package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.auth.StaticTokens;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 5: a server reachable from other machines without inbound auth says so when it starts. */
@Timeout(60)
class InboundWarningTest {
  private final Logger logger = Logger.getLogger(StreamableHttpTransport.class.getName());
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void unlisten() {
    logger.removeHandler(capture);
  }

  private void startAndStop(HttpTransportOptions options) throws Exception {
    try (StreamableHttpTransport transport =
        new StreamableHttpTransport(SampleServer.server(McpServerOptions.defaults()), options)) {
      transport.start();
    }
  }

  @Test
  void allAddressesWithoutAuthWarn() throws Exception {
    startAndStop(HttpTransportOptions.defaults().withHost("0.0.0.0").withPort(0));

    assertThat(warnings).singleElement().satisfies(record -> assertThat(record.getMessage())
        .startsWith("listening on 0.0.0.0, which is not a loopback address, without inbound authentication"));
  }

  @Test
  void loopbackOrAuthDoNotWarn() throws Exception {
    StaticTokens tokens = StaticTokens.parse("test", "abcdefghijklmnopqrstuvwxyz", false, null);
    startAndStop(HttpTransportOptions.defaults().withPort(0));
    startAndStop(HttpTransportOptions.defaults().withHost("0.0.0.0").withPort(0).withAuth(endpoint -> tokens));

    assertThat(warnings).isEmpty();
  }
}
