package dev.openapi2mcp.runtime.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" for names a user typed: the known names closest to an unknown one. */
public final class Suggestions {
  private static final int MAX_SHOWN = 3;

  private Suggestions() {}

  /**
   * {@code " (did you mean 'a' or 'b'?)"} with the closest known names (edit distance, ignoring case, at most a
   * third of the name's length, at least 2), or {@code " (known: …)"} listing a few when none is close; empty when
   * there are no known names.
   */
  public static String didYouMean(String unknown, Collection<String> known) {
    if (known.isEmpty()) {
      return "";
    }
    int limit = Math.max(2, unknown.length() / 3);
    String lower = unknown.toLowerCase(Locale.ROOT);
    List<String> close = new ArrayList<>();
    known.stream()
        .sorted(Comparator.<String>comparingInt(name -> distance(lower, name.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .filter(name -> distance(lower, name.toLowerCase(Locale.ROOT)) <= limit
            || name.toLowerCase(Locale.ROOT).contains(lower) || lower.contains(name.toLowerCase(Locale.ROOT)))
        .limit(MAX_SHOWN)
        .forEach(close::add);
    if (!close.isEmpty()) {
      return " (did you mean '" + String.join("' or '", close) + "'?)";
    }
    List<String> some = known.stream().sorted().limit(MAX_SHOWN * 2).toList();
    return " (known: " + String.join(", ", some) + (known.size() > some.size() ? ", …" : "") + ")";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
