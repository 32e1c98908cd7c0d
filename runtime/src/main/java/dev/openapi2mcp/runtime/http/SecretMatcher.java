package dev.openapi2mcp.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
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
 * <p>Cost: the forms share one trie of UTF-16 units, so the work at each position of the text is bounded by the
 * length of the longest form, whatever the number of forms; most positions end at the first lookup.
 */
final class SecretMatcher {
  /** What each occurrence becomes. */
  static final String MASK = "***";

  private final Node root;
  /** The root's children by ASCII character, for the lookup made at almost every position of a text. */
  private final Node[] asciiRoot = new Node[128];
  /**
   * For each ASCII first character, the ASCII characters that may follow it in a match (two 64-bit words): most
   * positions of a text are ruled out by these two characters without walking the trie.
   */
  private final long[] asciiSecond = new long[256];
  /** Whether a form can start with an escape: true when there is any form. */
  private final boolean escapes;

  SecretMatcher(Collection<String> forms) {
    Builder builder = new Builder();
    for (String form : forms) {
      if (!form.isEmpty()) {
        Builder node = builder;
        for (char c : form.toCharArray()) {
          node = node.children.computeIfAbsent(c, k -> new Builder());
        }
        node.terminal = true;
      }
    }
    root = builder.freeze();
    for (int i = 0; i < root.keys.length; i++) {
      char first = root.keys[i];
      if (first < 128) {
        Node node = root.kids[i];
        asciiRoot[first] = node;
        // Non-ASCII seconds are always tried (see mayFollow); escapes may spell any second character.
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
    escapes = root.keys.length > 0;
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
      if (c >= 128 || (escapes && (c == '%' || c == '\\' || c == '+'))) {
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

  /** A trie node while forms are added. */
  private static final class Builder {
    final Map<Character, Builder> children = new TreeMap<>();
    boolean terminal;

    Node freeze() {
      char[] keys = new char[children.size()];
      Node[] kids = new Node[children.size()];
      int i = 0;
      for (Map.Entry<Character, Builder> child : children.entrySet()) {
        keys[i] = child.getKey();
        kids[i++] = child.getValue().freeze();
      }
      return new Node(keys, kids, terminal);
    }
  }

  /** A trie node: its children's units in ascending order. */
  private record Node(char[] keys, Node[] kids, boolean terminal) {
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
