package dev.openapi2mcp.runtime.mcp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The eight RFC 5424 severities MCP logging uses, least severe first (the declaration order is the ranking). */
public enum LogLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY;

  /** The level's name on the wire, e.g. {@code warning}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a message at this level passes a threshold of {@code threshold}. */
  public boolean isAtLeast(LogLevel threshold) {
    return compareTo(threshold) >= 0;
  }

  /** The level with this exact wire name. */
  public static Optional<LogLevel> fromWireName(String name) {
    return Arrays.stream(values()).filter(l -> l.wireName().equals(name)).findFirst();
  }
}
