package dev.openapi2mcp.generator.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Shortens names so that they stay readable, and makes the short stable hashes that keep them apart. */
final class NameCutter {
  static final int HASH_LENGTH = 6;

  private NameCutter() {}

  /**
   * {@code name} shortened to at most {@code limit} characters, keeping as much meaning as it can: words are
   * abbreviated first ({@link Abbreviations}), and only what still does not fit is cut off ({@link #cut}).
   */
  static String shorten(String name, int limit) {
    if (name.length() <= limit) {
      return name;
    }
    return cut(Abbreviations.abbreviate(name, limit), limit);
  }

  /**
   * {@code name} cut to at most {@code limit} characters at the last word boundary that fits, without trailing
   * separators. Falls back to a plain cut when the last fitting boundary would lose more than half the room,
   * so that one long word does not shrink the name to its first word.
   */
  static String cut(String name, int limit) {
    if (name.length() <= limit) {
      return name;
    }
    int best = 0;
    for (int boundary : Words.boundaries(name)) {
      if (boundary <= limit) {
        best = boundary;
      }
    }
    // A word that ends exactly at the limit is a boundary too.
    if (limit < name.length() && Words.isSeparator(name.charAt(limit))) {
      best = limit;
    }
    String cut = Words.stripSeparators(name.substring(0, best));
    if (best < limit / 2 || cut.isEmpty()) {
      cut = Words.stripSeparators(name.substring(0, limit));
      if (cut.isEmpty()) {
        cut = name.substring(0, limit);
      }
    }
    return cut;
  }

  /** {@code name} shortened so that {@code suffix} still fits within {@code limit}, then the suffix. */
  static String shortenWithSuffix(String name, String suffix, int limit) {
    return shorten(name, limit - suffix.length()) + suffix;
  }

  /** A short hex digest of {@code identity}: the same identity always gives the same hash. */
  static String hash(String identity) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
