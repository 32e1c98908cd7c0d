package dev.openapi2mcp.runtime.http.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit of issue 5: {@code permits} calls per {@code period}, with up to {@code burst} calls at once after a
 * quiet spell (the size of the token bucket).
 *
 * @param permits calls allowed per period, at least 1
 * @param period the period, at least 1 ns
 * @param burst the bucket size, at least 1
 */
public record RateLimit(long permits, Duration period, long burst) {
  private static final Pattern SPEC =
      Pattern.compile("(\\d{1,9})\\s*/\\s*(s|sec|second|m|min|minute|h|hour)(?:\\s*,\\s*burst\\s*=\\s*(\\d{1,9}))?");

  public RateLimit {
    if (permits < 1 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs at least 1 call per period and a burst of at least 1");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the period of a rate limit must be positive, was " + period);
    }
    // The token bucket counts in units of period-nanoseconds; its capacity must fit in a long.
    Math.multiplyExact(burst, period.toNanos());
  }

  /**
   * Parses {@code N/s}, {@code N/m} (or {@code /min}), {@code N/h}, optionally followed by {@code ,burst=B}; without
   * a burst, the bucket holds one period's calls ({@code B = N}).
   *
   * @throws IllegalArgumentException naming the text when it is not of that form
   */
  public static RateLimit parse(String text) {
    Matcher matcher = SPEC.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long permits = Long.parseLong(matcher.group(1));
      Duration period = switch (matcher.group(2).charAt(0)) {
        case 's' -> Duration.ofSeconds(1);
        case 'm' -> Duration.ofMinutes(1);
        default -> Duration.ofHours(1);
      };
      long burst = matcher.group(3) == null ? permits : Long.parseLong(matcher.group(3));
      if (permits >= 1 && burst >= 1) {
        return new RateLimit(permits, period, burst);
      }
    }
    throw new IllegalArgumentException("must be a rate such as 10/s, 600/m or 1000/h, optionally with a burst "
        + "such as 10/s,burst=20, was '" + text + "'");
  }

  /** {@code 10 calls/s}, {@code 600 calls/min}, {@code 1 call/h}, … for messages. */
  public String describe() {
    String unit = period.equals(Duration.ofSeconds(1)) ? "s"
        : period.equals(Duration.ofMinutes(1)) ? "min"
        : period.equals(Duration.ofHours(1)) ? "h"
        : Durations.format(period);
    return permits + (permits == 1 ? " call/" : " calls/") + unit;
  }
}
