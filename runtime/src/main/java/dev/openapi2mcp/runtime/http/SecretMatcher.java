package dev.openapi2mcp.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds literal forms of secrets ({@link SecretForms}) in text, also when they are escaped, and replaces each with
 * {@value #MASK}, in one pass over the text. Immutable and thread-safe.
 *
 * <p>Each character of a form matches itself or any escaped spelling of it, mixed freely within one occurrence:
 * percent-encoding of its UTF-8 bytes with upper- or lower-case hex (RFC 3986 section 2.1), {@code +} for a space
 * (HTML form encoding), and the JSON escapes (RFC 8259 section 7): {@code \/}, {@code \"}, {@code \\}, {@code \b},
 * {@code \f}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX} in either case (characters outside the
 * BMP as two escaped surrogates). Where forms match at one position the longest is replaced; matches do not overlap.
 *
 * <p>Cost: the first {@value #PREFIX} UTF-16 units of all forms share one trie, and only the forms that reach its
 * end are compared further, one by one; so the work at each position of the text hardly depends on the number of
 * forms, and most positions end at the first or second lookup. Memory is the forms themselves plus at most
 * {@value #PREFIX} trie nodes per form, however long the forms are (a JWT is about a kilobyte).
 */
final class SecretMatcher {
  /** What each occurrence becomes. */
  static final String MASK = "***";

  /** How many units of each form the trie holds. */
  static final int PREFIX = 8;

  private final Node root;
  /** The root's children by ASCII character, for the lookup made at almost every position of a text. */
  private final Node[] asciiRoot = new Node[128];
  /**
   * For each ASCII first character, the ASCII characters that may follow it in a match (two 64-bit words): most
   * positions of a text are ruled out by these two characters without walking the trie.
   */
  private final long[] asciiSecond = new long[256];

  SecretMatcher(Collection<String> forms) {
    Builder builder = new Builder();
    for (String form : forms) {
      if (!form.isEmpty()) {
        char[] units = form.toCharArray();
        int cut = Math.min(units.length, PREFIX);
        if (cut < units.length && Character.isHighSurrogate(units[cut - 1])) {
          // A percent-encoded character is decoded to both its surrogates at once: keep them on one side.
          cut++;
        }
        Builder node = builder;
        for (int i = 0; i < cut; i++) {
          node = node.children.computeIfAbsent(units[i], k -> new Builder());
        }
        if (cut == units.length) {
          node.terminal = true;
        } else {
          node.longer.add(new Tail(units, cut));
        }
      }
    }
    root = builder.freeze();
    for (int i = 0; i < root.keys.length; i++) {
      char first = root.keys[i];
      if (first < 128) {
        Node node = root.kids[i];
        asciiRoot[first] = node;
        // Non-ASCII seconds are always tried (see mayFollow); escapes may spell any second character.
        if (node.terminal || node.longer.length > 0) {
          asciiSecond[2 * first] = -1L;
          asciiSecond[2 * first + 1] = -1L;
        }
        for (char second : node.keys) {
          if (second < 128) {
            asciiSecond[2 * first + (second >> 6)] |= 1L << (second & 63);
          }
        }
        for (char escape : new char[] {'%', '\\', '+'}) {
          asciiSecond[2 * first + (escape >> 6)] |= 1L << (escape & 63);
        }
      }
    }
  }

  /** Whether there is no form to find. */
  boolean isEmpty() {
    return root.keys.length == 0;
  }

  /** {@code text} with every occurrence replaced; the same instance when there is none. */
  String replace(String text) {
    if (text == null || isEmpty()) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int length = text.length();
    int at = 0;
    while (at < length) {
      char c = text.charAt(at);
      int end;
      if (c >= 128 || c == '%' || c == '\\' || c == '+') {
        end = longestFrom(root, text, at);
      } else {
        Node first = asciiRoot[c];
        end = first == null || !mayFollow(c, text, at + 1) ? -1 : longestFrom(first, text, at + 1);
      }
      if (end < 0) {
        at++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(length);
      }
      out.append(text, copied, at).append(MASK);
      copied = end;
      at = end;
    }
    return out == null ? text : out.append(text, copied, length).toString();
  }

  /** Whether the character at {@code next} may continue a match that starts with the ASCII {@code first}. */
  private boolean mayFollow(char first, String text, int next) {
    if (next >= text.length()) {
      return true;
    }
    char c = text.charAt(next);
    return c >= 128 || (asciiSecond[2 * first + (c >> 6)] & (1L << (c & 63))) != 0;
  }

  /**
   * The end of the longest form that continues from {@code node} at {@code k}, or -1. A character that starts an
   * escape may also be meant literally (a secret may contain {@code %}, {@code \} or {@code +}): both ways are
   * followed.
   */
  private static int longestFrom(Node node, String text, int k) {
    int best = -1;
    int length = text.length();
    while (node != null) {
      if (node.terminal) {
        best = k;
      }
      for (Tail tail : node.longer) {
        best = Math.max(best, matchFrom(text, k, tail.form(), tail.from()));
      }
      if (k >= length) {
        break;
      }
      char t = text.charAt(k);
      Node literal = node.child(t);
      Node escaped = null;
      int escapedEnd = -1;
      if (t == '%' || t == '\\' || t == '+') {
        long decoded = t == '%' ? percentDecoded(text, k) : t == '\\' ? jsonUnescaped(text, k) : unit(' ', k + 1);
        if (decoded >= 0) {
          escaped = follow(node, decoded);
          escapedEnd = (int) (decoded >>> 32);
        }
      }
      if (literal != null && escaped != null) {
        best = Math.max(best, longestFrom(escaped, text, escapedEnd));
      }
      if (literal != null) {
        node = literal;
        k++;
      } else if (escaped != null) {
        node = escaped;
        k = escapedEnd;
      } else {
        break;
      }
    }
    return best;
  }

  /** Where {@code form[j..]} matches {@code text} from {@code k} ends, or -1; each unit as the trie walk reads it. */
  private static int matchFrom(String text, int k, char[] form, int j) {
    int length = text.length();
    while (j < form.length) {
      if (k >= length) {
        return -1;
      }
      char c = form[j];
      char t = text.charAt(k);
      if (t == c && c != '%' && c != '\\' && c != '+') {
        k++;
        j++;
        continue;
      }
      if (t == c) {
        // A literal '%', '\' or '+' in the secret may also start an escape in the text: try both.
        int literal = matchFrom(text, k + 1, form, j + 1);
        if (literal >= 0) {
          return literal;
        }
      }
      long decoded = t == '%' ? percentDecoded(text, k) : t == '\\' ? jsonUnescaped(text, k)
          : t == '+' ? unit(' ', k + 1) : -1;
      if (decoded < 0 || (char) (decoded & 0xFFFF) != c) {
        return -1;
      }
      char second = (char) ((decoded >>> 16) & 0xFFFF);
      if (second != 0) {
        if (j + 1 >= form.length || form[j + 1] != second) {
          return -1;
        }
        j++;
      }
      k = (int) (decoded >>> 32);
      j++;
    }
    return k;
  }

  /** The node reached from {@code node} by the one or two units in {@code decoded}, or null. */
  private static Node follow(Node node, long decoded) {
    Node next = node.child((char) (decoded & 0xFFFF));
    int second = (int) ((decoded >>> 16) & 0xFFFF);
    return next == null || second == 0 ? next : next.child((char) second);
  }

  /** One or two decoded UTF-16 units and where their spelling ends, packed: end, second unit, first unit. */
  private static long unit(char first, int end) {
    return ((long) end << 32) | first;
  }

  private static long units(char first, char second, int end) {
    return ((long) end << 32) | ((long) second << 16) | first;
  }

  /** The character percent-encoded (as UTF-8) at {@code at}, packed as {@link #units}; -1 when there is none. */
  private static long percentDecoded(String text, int at) {
    int first = hexByte(text, at);
    if (first < 0x80) {
      return first < 0 ? -1 : unit((char) first, at + 3);
    }
    int count = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
    if (count == 0) {
      return -1;
    }
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      int b = hexByte(text, at + 3 * i);
      if (b < 0) {
        return -1;
      }
      bytes[i] = (byte) b;
    }
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    if (decoded.isEmpty() || decoded.charAt(0) == '\uFFFD') {
      return -1;
    }
    int end = at + 3 * count;
    return decoded.length() == 1 ? unit(decoded.charAt(0), end) : units(decoded.charAt(0), decoded.charAt(1), end);
  }

  /** The byte of the {@code %XX} triple at {@code at}, or -1. */
  private static int hexByte(String text, int at) {
    if (at + 2 >= text.length() || text.charAt(at) != '%') {
      return -1;
    }
    int high = hex(text.charAt(at + 1));
    int low = hex(text.charAt(at + 2));
    return high < 0 || low < 0 ? -1 : (high << 4) | low;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** The UTF-16 unit the JSON escape at {@code at} stands for, packed as {@link #unit}; -1 when there is none. */
  private static long jsonUnescaped(String text, int at) {
    if (at + 1 >= text.length()) {
      return -1;
    }
    char e = text.charAt(at + 1);
    return switch (e) {
      case '/', '"', '\\' -> unit(e, at + 2);
      case 'b' -> unit('\b', at + 2);
      case 'f' -> unit('\f', at + 2);
      case 'n' -> unit('\n', at + 2);
      case 'r' -> unit('\r', at + 2);
      case 't' -> unit('\t', at + 2);
      case 'u' -> {
        if (at + 5 >= text.length()) {
          yield -1;
        }
        int value = 0;
        for (int i = at + 2; i < at + 6; i++) {
          int digit = hex(text.charAt(i));
          if (digit < 0) {
            yield -1;
          }
          value = (value << 4) | digit;
        }
        yield unit((char) value, at + 6);
      }
      default -> -1;
    };
  }

  /** A form longer than the trie: it is compared from {@code from} on. */
  private record Tail(char[] form, int from) {}

  /** A trie node while forms are added. */
  private static final class Builder {
    final Map<Character, Builder> children = new TreeMap<>();
    final List<Tail> longer = new ArrayList<>();
    boolean terminal;

    Node freeze() {
      char[] keys = new char[children.size()];
      Node[] kids = new Node[children.size()];
      int i = 0;
      for (Map.Entry<Character, Builder> child : children.entrySet()) {
        keys[i] = child.getKey();
        kids[i++] = child.getValue().freeze();
      }
      return new Node(keys, kids, terminal, longer.toArray(new Tail[0]));
    }
  }

  /** A trie node: its children's units in ascending order, and the forms that continue beyond it. */
  private record Node(char[] keys, Node[] kids, boolean terminal, Tail[] longer) {
    Node child(char c) {
      int i = keys.length < 8 ? linear(c) : Arrays.binarySearch(keys, c);
      return i < 0 ? null : kids[i];
    }

    private int linear(char c) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == c) {
          return i;
        }
      }
      return -1;
    }
  }
}
