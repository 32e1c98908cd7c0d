package dev.openapi2mcp.generator.diagnostics;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * "Did you mean …?" for a name that matches nothing: the nearest known name by edit distance, when it is close
 * enough to be a slip rather than a different name.
 *
 * <p>The distance is the optimal string alignment variant of Damerau–Levenshtein (insertions, deletions,
 * substitutions, and swaps of two adjacent characters each cost 1), computed case-insensitively, so
 * {@code getPetByID} is at distance 0 from {@code getPetById}. A candidate is suggested when its distance is at most
 * {@link #threshold(String) a third of the unknown name's length, at least 1 and at most 3}: {@code tgas} still finds
 * {@code tags}, while {@code id} does not suggest {@code name}. Among equally near candidates the first in
 * case-sensitive alphabetical order wins, so the suggestion does not depend on the order candidates come in.
 */
public final class Suggestions {
  private static final int MAX_DISTANCE = 3;

  private Suggestions() {}

  /** The nearest of {@code candidates} to {@code unknown} within the threshold, if any. */
  public static Optional<String> nearest(String unknown, Collection<String> candidates) {
    int limit = threshold(unknown);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(candidates)) {
      int distance = distance(unknown, candidate);
      if (distance <= limit && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code ": did you mean X?"} for the nearest candidate, or the empty string when none is near enough. */
  public static String didYouMean(String unknown, Collection<String> candidates) {
    String question = question(unknown, candidates);
    return question == null ? "" : ": " + question;
  }

  /** {@code "did you mean X?"} for the nearest candidate, or null when none is near enough. */
  public static String question(String unknown, Collection<String> candidates) {
    return nearest(unknown, candidates).map(name -> "did you mean " + name + "?").orElse(null);
  }

  /** How far a candidate may be from {@code unknown} to be suggested. */
  static int threshold(String unknown) {
    return Math.max(1, Math.min(MAX_DISTANCE, unknown.length() / 3));
  }

  /** The case-insensitive optimal string alignment distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[][] d = new int[s.length() + 1][t.length() + 1];
    for (int i = 0; i <= s.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= t.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      for (int j = 1; j <= t.length(); j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[s.length()][t.length()];
  }
}
