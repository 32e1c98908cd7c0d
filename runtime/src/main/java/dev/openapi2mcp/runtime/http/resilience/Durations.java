package dev.openapi2mcp.runtime.http.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as users write them on the command line and writes them as users read them. */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a positive whole number with a unit: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}.
   *
   * @throws IllegalArgumentException when the text is not of that form or is zero; the message quotes it
   */
  public static Duration parse(String text) {
    Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long number = Long.parseLong(matcher.group(1));
      Duration duration = switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(number);
        case "s" -> Duration.ofSeconds(number);
        case "m" -> Duration.ofMinutes(number);
        default -> Duration.ofHours(number);
      };
      if (!duration.isZero()) {
        return duration;
      }
    }
    throw new IllegalArgumentException("must be a positive duration such as 500ms, 10s, 2m or 1h, was '" + text
        + "'");
  }

  /**
   * Whole seconds as {@code 10 s}, other durations under a minute as seconds with up to one decimal place rounded up
   * ({@code 0.3 s}; never {@code 0 s} for a positive duration), so that a wait is never understated.
   */
  public static String format(Duration duration) {
    long millis = Math.max(0, duration.toMillis() + (duration.toNanos() % 1_000_000 > 0 ? 1 : 0));
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    long tenths = (millis + 99) / 100;
    return tenths % 10 == 0 ? tenths / 10 + " s" : tenths / 10 + "." + tenths % 10 + " s";
  }
}
