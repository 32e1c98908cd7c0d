package dev.openapi2mcp.runtime.http.resilience;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the {@code Retry-After} header (RFC 9110, section 10.2.3): delay-seconds or an HTTP-date. */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait the header asks for, as of {@code now}; zero for a date in the past; null when the header is absent
   * or unreadable (then it is ignored, as if not sent).
   */
  static Duration parse(String header, Instant now) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      // RFC 1123 is the preferred IMF-fixdate form; the obsolete forms are not worth a parser of their own.
      Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return date.isAfter(now) ? Duration.between(now, date) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
