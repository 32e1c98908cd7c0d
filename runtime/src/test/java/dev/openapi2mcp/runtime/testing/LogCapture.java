package dev.openapi2mcp.runtime.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what a JDK logger (and the loggers below it) publishes while attached, for tests that read the log. */
public final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger, Level level) {
    this.logger = logger;
    this.previousLevel = logger.getLevel();
    if (level != null) {
      logger.setLevel(level);
    }
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  /**
   * Attaches to the logger named {@code loggerName}.
   *
   * @param level the level the logger is set to until {@link #close()}, or null to leave it
   */
  public static LogCapture attach(String loggerName, Level level) {
    return new LogCapture(Logger.getLogger(loggerName), level);
  }

  /** The records published so far, in order. */
  public List<LogRecord> records() {
    return records;
  }

  /** The messages of the records at {@code level} or above published so far, in order. */
  public List<String> messages(Level level) {
    return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).map(LogRecord::getMessage)
        .toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  /** Detaches and restores the logger's level. */
  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previousLevel);
  }
}
