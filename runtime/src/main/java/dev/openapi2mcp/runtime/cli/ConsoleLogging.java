package dev.openapi2mcp.runtime.cli;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * JDK logging for a server process: one line per record on stderr, never stdout (on stdio, stdout carries the
 * protocol). A logging configuration given with {@code java.util.logging.config.file} or {@code .class} is left
 * alone.
 */
public final class ConsoleLogging {
  private ConsoleLogging() {}

  /** Points the root logger at {@code err}, at INFO, unless the user configured logging. */
  public static void install(PrintStream err) {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    root.addHandler(new LineHandler(err));
    root.setLevel(Level.INFO);
  }

  /** Writes each record as one line and flushes it at once, so lines of concurrent records never mix. */
  static final class LineHandler extends Handler {
    private final PrintStream err;

    LineHandler(PrintStream err) {
      this.err = err;
      setFormatter(new OneLineFormatter());
    }

    @Override
    public void publish(LogRecord record) {
      if (!isLoggable(record)) {
        return;
      }
      String line = getFormatter().format(record);
      synchronized (err) {
        err.print(line);
        err.flush();
      }
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  /** {@code 2026-01-01T10:00:00.000Z WARNING McpServer: message [exception type: message]}, on one line. */
  static final class OneLineFormatter extends Formatter {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneId.of("UTC"));

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder();
      line.append(TIME.format(record.getInstant())).append(' ')
          .append(record.getLevel().getName()).append(' ')
          .append(shortName(record.getLoggerName())).append(": ")
          .append(formatMessage(record));
      if (record.getThrown() != null) {
        Throwable thrown = record.getThrown();
        line.append(" [").append(thrown.getClass().getName());
        if (thrown.getMessage() != null) {
          line.append(": ").append(thrown.getMessage());
        }
        line.append(']');
      }
      return line.toString().replaceAll("[\\r\\n]+", " ") + System.lineSeparator();
    }

    private static String shortName(String logger) {
      if (logger == null) {
        return "";
      }
      int dot = logger.lastIndexOf('.');
      return dot < 0 ? logger : logger.substring(dot + 1);
    }
  }
}
