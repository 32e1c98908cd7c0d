package dev.openapi2mcp.generator.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Produces strings that match a JSON Schema {@code pattern} (ECMA-262 syntax), for the argument sampler.
 *
 * <p>Covers what API descriptions use: literals and escapes, {@code .}, character classes with ranges and negation,
 * {@code \d \w \s} and their negations, {@code \p{…}} (as a letter), groups (capturing, non-capturing, named),
 * alternation, the quantifiers {@code * + ? {n} {n,} {n,m}} (greedy or lazy), and anchors. Lookarounds and
 * back-references produce nothing, so a pattern that relies on them may yield a non-matching string; the sampler
 * checks every value against the schema and tries again. Output is ASCII only, so that it is valid wherever the
 * pattern allows it.
 */
final class RegexSampler {
  private static final String PRINTABLE =
      " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

  private final String pattern;
  private final Node root;
  private int at;

  private RegexSampler(String pattern) {
    this.pattern = pattern;
    this.root = alternation();
    if (at != pattern.length()) {
      throw new IllegalArgumentException("unbalanced ')' at " + at + " in /" + pattern + "/");
    }
  }

  /**
   * A string matching {@code pattern}; {@code stretch} is how many extra repetitions an unbounded quantifier may
   * take (raise it to reach a {@code minLength}).
   *
   * @throws IllegalArgumentException when the pattern cannot be parsed
   */
  static String sample(String pattern, Random random, int stretch) {
    StringBuilder out = new StringBuilder();
    new RegexSampler(pattern).root.emit(out, random, stretch);
    return out.toString();
  }

  private interface Node {
    void emit(StringBuilder out, Random random, int stretch);
  }

  private record Literal(String text) implements Node {
    @Override
    public void emit(StringBuilder out, Random random, int stretch) {
      out.append(text);
    }
  }

  /** A set of ASCII characters to pick one from. */
  private record CharSet(String chars) implements Node {
    @Override
    public void emit(StringBuilder out, Random random, int stretch) {
      if (!chars.isEmpty()) {
        out.append(chars.charAt(random.nextInt(chars.length())));
      }
    }
  }

  private record Sequence(List<Node> parts) implements Node {
    @Override
    public void emit(StringBuilder out, Random random, int stretch) {
      parts.forEach(part -> part.emit(out, random, stretch));
    }
  }

  private record Choice(List<Node> options) implements Node {
    @Override
    public void emit(StringBuilder out, Random random, int stretch) {
      options.get(random.nextInt(options.size())).emit(out, random, stretch);
    }
  }

  private record Repeat(Node node, int min, int max) implements Node {
    @Override
    public void emit(StringBuilder out, Random random, int stretch) {
      int upper = max < 0 ? min + stretch : Math.min(max, min + Math.max(stretch, 3));
      int count = min + random.nextInt(upper - min + 1);
      for (int i = 0; i < count; i++) {
        node.emit(out, random, stretch);
      }
    }
  }

  private static final Node EMPTY = new Literal("");

  private Node alternation() {
    List<Node> options = new ArrayList<>();
    options.add(sequence());
    while (at < pattern.length() && pattern.charAt(at) == '|') {
      at++;
      options.add(sequence());
    }
    return options.size() == 1 ? options.get(0) : new Choice(options);
  }

  private Node sequence() {
    List<Node> parts = new ArrayList<>();
    while (at < pattern.length() && pattern.charAt(at) != '|' && pattern.charAt(at) != ')') {
      Node atom = atom();
      parts.add(quantified(atom));
    }
    return new Sequence(parts);
  }

  private Node quantified(Node atom) {
    if (at >= pattern.length()) {
      return atom;
    }
    char c = pattern.charAt(at);
    Node result = atom;
    if (c == '*') {
      at++;
      result = new Repeat(atom, 0, -1);
    } else if (c == '+') {
      at++;
      result = new Repeat(atom, 1, -1);
    } else if (c == '?') {
      at++;
      result = new Repeat(atom, 0, 1);
    } else if (c == '{') {
      int close = pattern.indexOf('}', at);
      String inside = close < 0 ? "" : pattern.substring(at + 1, close);
      if (inside.matches("\\d+(,\\d*)?")) {
        at = close + 1;
        int comma = inside.indexOf(',');
        int min = Integer.parseInt(comma < 0 ? inside : inside.substring(0, comma));
        int max = comma < 0 ? min : inside.length() == comma + 1 ? -1 : Integer.parseInt(inside.substring(comma + 1));
        result = new Repeat(atom, min, max);
      } else {
        return atom;
      }
    } else {
      return atom;
    }
    if (at < pattern.length() && (pattern.charAt(at) == '?' || pattern.charAt(at) == '+')) {
      at++;
    }
    return result;
  }

  private Node atom() {
    char c = pattern.charAt(at++);
    switch (c) {
      case '^', '$' -> {
        return EMPTY;
      }
      case '.' -> {
        return new CharSet(WORD);
      }
      case '(' -> {
        boolean lookaround = false;
        if (pattern.startsWith("?:", at)) {
          at += 2;
        } else if (pattern.startsWith("?=", at) || pattern.startsWith("?!", at)) {
          at += 2;
          lookaround = true;
        } else if (pattern.startsWith("?<=", at) || pattern.startsWith("?<!", at)) {
          at += 3;
          lookaround = true;
        } else if (pattern.startsWith("?<", at) || pattern.startsWith("?P<", at)) {
          at = pattern.indexOf('>', at) + 1;
        }
        Node inside = alternation();
        if (at >= pattern.length() || pattern.charAt(at) != ')') {
          throw new IllegalArgumentException("unclosed group in /" + pattern + "/");
        }
        at++;
        return lookaround ? EMPTY : inside;
      }
      case '[' -> {
        return characterClass();
      }
      case '\\' -> {
        return escape(false);
      }
      default -> {
        return new Literal(String.valueOf(c));
      }
    }
  }

  private Node characterClass() {
    boolean negated = at < pattern.length() && pattern.charAt(at) == '^';
    if (negated) {
      at++;
    }
    StringBuilder members = new StringBuilder();
    boolean first = true;
    while (at < pattern.length() && (pattern.charAt(at) != ']' || first)) {
      first = false;
      String from;
      char c = pattern.charAt(at++);
      if (c == '\\') {
        Node escaped = escape(true);
        if (escaped instanceof CharSet set) {
          members.append(set.chars());
          continue;
        }
        from = ((Literal) escaped).text();
      } else {
        from = String.valueOf(c);
      }
      if (from.length() == 1 && at + 1 < pattern.length() && pattern.charAt(at) == '-'
          && pattern.charAt(at + 1) != ']') {
        at++;
        char end = pattern.charAt(at++);
        if (end == '\\') {
          end = ((Literal) escape(true)).text().charAt(0);
        }
        for (char x = from.charAt(0); x <= end && x < 0x7f; x++) {
          if (x >= 0x20) {
            members.append(x);
          }
        }
        if (from.charAt(0) >= 0x7f && members.isEmpty()) {
          members.append('a');
        }
      } else {
        members.append(from.charAt(0) < 0x7f ? from : "");
      }
    }
    if (at >= pattern.length()) {
      throw new IllegalArgumentException("unclosed character class in /" + pattern + "/");
    }
    at++;
    if (!negated) {
      return new CharSet(members.toString());
    }
    StringBuilder allowed = new StringBuilder();
    for (char x : WORD.toCharArray()) {
      if (members.indexOf(String.valueOf(x)) < 0) {
        allowed.append(x);
      }
    }
    if (allowed.isEmpty()) {
      for (char x : PRINTABLE.toCharArray()) {
        if (members.indexOf(String.valueOf(x)) < 0) {
          allowed.append(x);
        }
      }
    }
    return new CharSet(allowed.toString());
  }

  /** After a backslash: a class escape as a {@link CharSet}, anything else as a {@link Literal}. */
  private Node escape(boolean inClass) {
    char c = pattern.charAt(at++);
    switch (c) {
      case 'd' -> {
        return new CharSet("0123456789");
      }
      case 'w' -> {
        return new CharSet(WORD);
      }
      case 's' -> {
        return new CharSet(" ");
      }
      case 'D', 'W' -> {
        return new CharSet(c == 'D' ? "abcxyz" : "-.");
      }
      case 'S' -> {
        return new CharSet("abc123");
      }
      case 'b', 'B' -> {
        return inClass ? new Literal("\b") : EMPTY;
      }
      case 't' -> {
        return new Literal("\t");
      }
      case 'n' -> {
        return new Literal("\n");
      }
      case 'r' -> {
        return new Literal("\r");
      }
      case 'p', 'P' -> {
        if (at < pattern.length() && pattern.charAt(at) == '{') {
          at = pattern.indexOf('}', at) + 1;
        }
        return new CharSet(c == 'p' ? "abcdefghijklmnopqrstuvwxyz" : "0123456789");
      }
      case 'u' -> {
        String hex = pattern.substring(at, Math.min(at + 4, pattern.length()));
        at += 4;
        char value = (char) Integer.parseInt(hex, 16);
        return new Literal(value < 0x7f ? String.valueOf(value) : "a");
      }
      case 'x' -> {
        String hex = pattern.substring(at, Math.min(at + 2, pattern.length()));
        at += 2;
        char value = (char) Integer.parseInt(hex, 16);
        return new Literal(value < 0x7f ? String.valueOf(value) : "a");
      }
      default -> {
        if (Character.isDigit(c) && !inClass) {
          // A back-reference: what it repeats is not tracked.
          while (at < pattern.length() && Character.isDigit(pattern.charAt(at))) {
            at++;
          }
          return EMPTY;
        }
        return new Literal(String.valueOf(c));
      }
    }
  }
}
