package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

  @Test
  void eachRecordIsOneLineWithTimeLevelLoggerAndException() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleLogging.LineHandler handler =
        new ConsoleLogging.LineHandler(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    LogRecord record = new LogRecord(Level.WARNING, "first line\nsecond line");
    record.setLoggerName("dev.openapi2mcp.runtime.mcp.McpServer");
    record.setInstant(Instant.parse("2026-01-02T03:04:05.006Z"));
    record.setThrown(new IllegalStateException("broken\nstate"));
    handler.publish(record);

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).isEqualTo("2026-01-02T03:04:05.006Z WARNING McpServer: first line second line"
        + " [java.lang.IllegalStateException: broken state]" + System.lineSeparator());
  }
}
