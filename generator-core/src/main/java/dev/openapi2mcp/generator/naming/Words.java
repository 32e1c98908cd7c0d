package dev.openapi2mcp.generator.naming;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Text helpers shared by the naming rules: ASCII folding, sanitizing and splitting into words. */
final class Words {
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private Words() {}

  /** {@code é} → {@code e}: accents are dropped rather than turned into separators. */
  static String foldToAscii(String text) {
    return COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
  }

  /**
   * Keeps ASCII letters, digits and {@code keep} characters; every run of other characters becomes one
   * {@code _}, except at the start and the end, where it is dropped.
   */
  static String sanitize(String text, String keep) {
    String folded = foldToAscii(text);
    StringBuilder out = new StringBuilder(folded.length());
    boolean pendingSeparator = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (isAsciiLetterOrDigit(c) || keep.indexOf(c) >= 0) {
        if (pendingSeparator && out.length() > 0) {
          out.append('_');
        }
        pendingSeparator = false;
        out.append(c);
      } else {
        pendingSeparator = true;
      }
    }
    return out.toString();
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static boolean isSeparator(char c) {
    return c == '_' || c == '.' || c == '-';
  }

  /**
   * Start indices of the words in {@code name}, excluding 0: after a run of {@code _ . -}, at a lower-to-upper
   * case change ({@code petId}), and before the last capital of an acronym that a word follows
   * ({@code HTTPServer} → {@code HTTP|Server}).
   */
  static List<Integer> boundaries(String name) {
    List<Integer> boundaries = new ArrayList<>();
    for (int i = 1; i < name.length(); i++) {
      char previous = name.charAt(i - 1);
      char current = name.charAt(i);
      boolean afterSeparator = isSeparator(previous) && !isSeparator(current);
      boolean camel = Character.isUpperCase(current)
          && (Character.isLowerCase(previous) || Character.isDigit(previous));
      boolean acronymEnd = Character.isUpperCase(previous) && Character.isUpperCase(current)
          && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
      if (afterSeparator || camel || acronymEnd) {
        boundaries.add(i);
      }
    }
    return boundaries;
  }

  /** The words of {@code name}, without separators: {@code get_petById} → {@code get, pet, By, Id}. */
  static List<String> split(String name) {
    List<String> words = new ArrayList<>();
    int start = 0;
    List<Integer> cuts = new ArrayList<>(boundaries(name));
    cuts.add(name.length());
    for (int end : cuts) {
      String word = stripSeparators(name.substring(start, end));
      if (!word.isEmpty()) {
        words.add(word);
      }
      start = end;
    }
    return words;
  }

  static String stripSeparators(String text) {
    int begin = 0;
    int end = text.length();
    while (begin < end && isSeparator(text.charAt(begin))) {
      begin++;
    }
    while (end > begin && isSeparator(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(begin, end);
  }

  static String capitalize(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  static String decapitalize(String word) {
    return word.isEmpty() ? word : Character.toLowerCase(word.charAt(0)) + word.substring(1);
  }
}
