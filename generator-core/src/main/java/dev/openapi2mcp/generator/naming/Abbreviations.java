package dev.openapi2mcp.generator.naming;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shortens a name by abbreviating its words, as little as needed, before anything is cut off.
 *
 * <p>Two passes, each stopping as soon as the name fits: first, words with a conventional abbreviation take it
 * ({@code organization} → {@code org}, {@code repositories} → {@code repos}, {@code configuration} →
 * {@code config} …), those saving most first; then words of seven letters or more, except the first word (usually
 * the verb), are cut after a syllable, keeping at least four letters ({@code Collection} → {@code Coll},
 * {@code Validating} → {@code Valid}, {@code Authenticated} → {@code Auth}), longest first. Case follows the word
 * ({@code Organization} → {@code Org}, {@code ORGANIZATION} → {@code ORG}); separators stay. So the words that tell
 * operations apart, often the last ones ({@code …ForOrganization} vs {@code …ForEnterprise}), survive.
 *
 * <p>Deterministic: the same name and limit always give the same result.
 */
final class Abbreviations {
  private static final Map<String, String> CONVENTIONAL = Map.ofEntries(
      Map.entry("organization", "org"), Map.entry("organizations", "orgs"),
      Map.entry("repository", "repo"), Map.entry("repositories", "repos"),
      Map.entry("configuration", "config"), Map.entry("configurations", "configs"),
      Map.entry("administration", "admin"), Map.entry("administrator", "admin"),
      Map.entry("administrators", "admins"),
      Map.entry("application", "app"), Map.entry("applications", "apps"),
      Map.entry("authentication", "auth"), Map.entry("authorization", "authz"),
      Map.entry("environment", "env"), Map.entry("environments", "envs"),
      Map.entry("information", "info"),
      Map.entry("identifier", "id"), Map.entry("identifiers", "ids"),
      Map.entry("description", "desc"), Map.entry("descriptions", "descs"),
      Map.entry("message", "msg"), Map.entry("messages", "msgs"),
      Map.entry("reference", "ref"), Map.entry("references", "refs"),
      Map.entry("specification", "spec"), Map.entry("specifications", "specs"),
      Map.entry("parameter", "param"), Map.entry("parameters", "params"),
      Map.entry("attribute", "attr"), Map.entry("attributes", "attrs"),
      Map.entry("directory", "dir"), Map.entry("directories", "dirs"),
      Map.entry("statistics", "stats"),
      Map.entry("notification", "notif"), Map.entry("notifications", "notifs"),
      Map.entry("permission", "perm"), Map.entry("permissions", "perms"),
      Map.entry("development", "dev"), Map.entry("production", "prod"),
      Map.entry("temporary", "temp"),
      Map.entry("maximum", "max"), Map.entry("minimum", "min"),
      Map.entry("number", "num"), Map.entry("numbers", "nums"),
      Map.entry("document", "doc"), Map.entry("documents", "docs"),
      Map.entry("management", "mgmt"), Map.entry("manager", "mgr"),
      Map.entry("database", "db"), Map.entry("databases", "dbs"),
      Map.entry("transaction", "txn"), Map.entry("transactions", "txns"),
      Map.entry("certificate", "cert"), Map.entry("certificates", "certs"),
      Map.entry("credential", "cred"), Map.entry("credentials", "creds"),
      Map.entry("dependency", "dep"), Map.entry("dependencies", "deps"),
      Map.entry("implementation", "impl"),
      Map.entry("property", "prop"), Map.entry("properties", "props"),
      Map.entry("definition", "def"), Map.entry("definitions", "defs"),
      Map.entry("vulnerability", "vuln"), Map.entry("vulnerabilities", "vulns"),
      Map.entry("request", "req"), Map.entry("requests", "reqs"),
      Map.entry("response", "resp"), Map.entry("responses", "resps"),
      Map.entry("subscription", "subscr"), Map.entry("subscriptions", "subscrs"));

  private static final int SHORTENED_MIN = 7;
  private static final int KEPT_MIN = 4;

  private Abbreviations() {}

  /** One word of the name, with the separators that follow it. */
  private static final class Piece {
    final int position;
    String word;
    final String separators;

    Piece(int position, String word, String separators) {
      this.position = position;
      this.word = word;
      this.separators = separators;
    }
  }

  /** {@code name} with words abbreviated until it is at most {@code limit} long, or as short as they go. */
  static String abbreviate(String name, int limit) {
    if (name.length() <= limit) {
      return name;
    }
    List<Piece> pieces = pieces(name);
    int length = name.length();

    List<Piece> conventional = new ArrayList<>();
    for (Piece piece : pieces) {
      String replacement = CONVENTIONAL.get(piece.word.toLowerCase(Locale.ROOT));
      if (replacement != null && replacement.length() < piece.word.length()) {
        conventional.add(piece);
      }
    }
    conventional.sort(Comparator.comparingInt((Piece p) -> conventional(p.word).length() - p.word.length())
        .thenComparingInt(p -> p.position));
    for (Piece piece : conventional) {
      if (length <= limit) {
        break;
      }
      String shorter = conventional(piece.word);
      length -= piece.word.length() - shorter.length();
      piece.word = shorter;
    }

    List<Piece> lengthy = new ArrayList<>();
    for (Piece piece : pieces) {
      if (piece.position > 0 && piece.word.length() >= SHORTENED_MIN && isLetters(piece.word)) {
        lengthy.add(piece);
      }
    }
    lengthy.sort(Comparator.comparingInt((Piece p) -> -p.word.length()).thenComparingInt(p -> p.position));
    for (Piece piece : lengthy) {
      if (length <= limit) {
        break;
      }
      String shorter = afterSyllable(piece.word);
      length -= piece.word.length() - shorter.length();
      piece.word = shorter;
    }

    StringBuilder out = new StringBuilder(length);
    pieces.forEach(piece -> out.append(piece.word).append(piece.separators));
    return out.toString();
  }

  /** The name split at {@link Words#boundaries}: each word with the separators after it. */
  private static List<Piece> pieces(String name) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    starts.addAll(Words.boundaries(name));
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      String text = name.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : name.length());
      int end = text.length();
      while (end > 0 && Words.isSeparator(text.charAt(end - 1))) {
        end--;
      }
      pieces.add(new Piece(i, text.substring(0, end), text.substring(end)));
    }
    return pieces;
  }

  /** The conventional abbreviation of {@code word}, in its case. */
  private static String conventional(String word) {
    String abbreviation = CONVENTIONAL.get(word.toLowerCase(Locale.ROOT));
    if (word.equals(word.toUpperCase(Locale.ROOT)) && word.length() > 1) {
      return abbreviation.toUpperCase(Locale.ROOT);
    }
    return Character.isUpperCase(word.charAt(0)) ? Words.capitalize(abbreviation) : abbreviation;
  }

  /**
   * {@code word} cut after its first syllable of at least {@value #KEPT_MIN} letters: leading consonants, a vowel
   * run and the consonant run after it, repeated until long enough ({@code Something} → {@code Someth}). The word
   * itself when that would save fewer than two letters.
   */
  static String afterSyllable(String word) {
    int i = 0;
    while (i < word.length()) {
      while (i < word.length() && !isVowel(word.charAt(i))) {
        i++;
      }
      while (i < word.length() && isVowel(word.charAt(i))) {
        i++;
      }
      while (i < word.length() && !isVowel(word.charAt(i))) {
        i++;
      }
      if (i >= KEPT_MIN) {
        break;
      }
    }
    return word.length() - i >= 2 ? word.substring(0, i) : word;
  }

  private static boolean isVowel(char c) {
    return "aeiouyAEIOUY".indexOf(c) >= 0;
  }

  private static boolean isLetters(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return !word.isEmpty();
  }
}
