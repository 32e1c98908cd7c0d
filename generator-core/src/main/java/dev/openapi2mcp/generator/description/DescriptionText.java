package dev.openapi2mcp.generator.description;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown link targets taken out of a spec's description text, the link text kept (issue 6): {@code tools/list}
 * goes to the model in every conversation, and a URL the model cannot open costs tokens and says nothing the link
 * text does not. On GitHub's description, link targets were 142 KB of {@code tools/list}.
 *
 * <p>What changes, following CommonMark's link syntax:
 * <ul>
 *   <li>inline links {@code [text](target "title")} become {@code text}; images {@code ![alt](src)} become
 *       {@code alt} (a model sees no image, the alt text says what it showed);</li>
 *   <li>reference links {@code [text][label]}, {@code [label][]} and {@code [label]} become their text when the
 *       same text defines {@code label}, and the definition lines ({@code [label]: target}) go;</li>
 *   <li>link text is cleaned the same way, so a badge {@code [![alt](img)](link)} becomes {@code alt}.</li>
 * </ul>
 * What stays as written: code spans and fenced code (a bracket in {@code `a[0](x)`} is code, not a link),
 * backslash-escaped brackets, brackets that are no link ({@code map[string](int)}, {@code items[0]}, a
 * {@code [label]} that nothing defines), {@code mailto:} links (the address is the information), autolinks
 * {@code <https://…>} and bare URLs (the URL is their only text). An inline target counts as a link only when it
 * looks like one: a scheme ({@code https:}), a path ({@code /}, {@code ./}, {@code ../}) or an anchor ({@code #}).
 *
 * <p>Optionally ({@link #plain(String, boolean)}), a sentence that only pointed at a link's target goes too
 * ({@link ReferenceSentences}): with the target gone it points at nothing the model can open.
 *
 * <p>Invariants: deterministic and idempotent ({@code plain(plain(t)).equals(plain(t))}); text without a link
 * comes back unchanged, the same instance; nothing outside a link changes but whitespace at the end after a
 * removed definition, and the reference-only sentences when asked for.
 */
public final class DescriptionText {
  private static final Pattern DEFINITION = Pattern.compile(
      "^ {0,3}\\[([^\\]\\n]+)\\]:[ \\t]*(?:<[^>\\n]*>|\\S+)(?:[ \\t]+(?:\"[^\"\\n]*\"|'[^'\\n]*'|\\([^)\\n]*\\)))?"
          + "[ \\t\\r]*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern TARGET = Pattern.compile("^(?:<?[A-Za-z][A-Za-z0-9+.-]{1,31}:|<?[/#]|<?\\.\\.?/)");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String text;
  private final Set<String> labels;
  /** For a backtick run that opens a code span: the index after its closing run; else 0. */
  private final int[] codeEnd;
  /** For an opening bracket: the index of its closing bracket; else 0. */
  private final int[] match;

  private DescriptionText(String text, Set<String> labels) {
    this.text = text;
    this.labels = labels;
    this.codeEnd = new int[text.length() + 1];
    this.match = new int[text.length() + 1];
    markCodeAndBrackets();
  }

  /** {@code text} with link targets removed as the class comment says; null stays null. */
  public static String plain(String text) {
    return plain(text, false);
  }

  /**
   * {@code text} with link targets removed and, when {@code dropReferenceSentences}, the sentences whose only
   * point was a link ({@link ReferenceSentences}); null stays null.
   */
  public static String plain(String text, boolean dropReferenceSentences) {
    if (text == null || text.indexOf(']') < 0) {
      return text;
    }
    Set<String> labels = new HashSet<>();
    String body = withoutDefinitions(text, labels);
    // Marks only where the text cannot already hold the marks, so that a mark always means "a link was here".
    boolean mark = dropReferenceSentences && body.indexOf(ReferenceSentences.OPEN) < 0
        && body.indexOf(ReferenceSentences.CLOSE) < 0;
    String plain = new DescriptionText(body, labels).render(0, body.length(), new StringBuilder(), mark)
        .toString();
    if (mark) {
      plain = ReferenceSentences.drop(plain);
    }
    return plain.equals(text) ? text : plain;
  }

  /** The text without its link reference definitions (outside fenced code), whose labels go to {@code labels}. */
  private static String withoutDefinitions(String text, Set<String> labels) {
    if (text.indexOf("]:") < 0) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    String fence = null;
    boolean removed = false;
    for (String line : text.split("\n", -1)) {
      Matcher fenceLine = FENCE.matcher(line);
      if (fenceLine.find()) {
        String marker = fenceLine.group(1);
        if (fence == null) {
          fence = marker;
        } else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
          fence = null;
        }
      } else if (fence == null) {
        Matcher definition = DEFINITION.matcher(line);
        if (definition.matches()) {
          labels.add(label(definition.group(1)));
          removed = true;
          continue;
        }
      }
      kept.append(line).append('\n');
    }
    kept.setLength(kept.length() - 1);
    return removed ? kept.toString().stripTrailing() : text;
  }

  private static String label(String raw) {
    return WHITESPACE.matcher(raw.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** One pass that finds code spans (CommonMark: they bind tighter than links) and pairs the brackets outside. */
  private void markCodeAndBrackets() {
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < n && isPunctuation(text.charAt(i + 1))) {
        i += 2;
      } else if (c == '`') {
        int run = run(i);
        int close = closingRun(i + run, run);
        if (close >= 0) {
          codeEnd[i] = close + run;
          i = close + run;
        } else {
          i += run;
        }
      } else {
        if (c == '[') {
          open.push(i);
        } else if (c == ']' && !open.isEmpty()) {
          match[open.pop()] = i;
        }
        i++;
      }
    }
  }

  private int run(int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) == '`') {
      end++;
    }
    return end - from;
  }

  /** The start of the next run of exactly {@code length} backticks from {@code from}, or -1. */
  private int closingRun(int from, int length) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '`') {
        int run = run(i);
        if (run == length) {
          return i;
        }
        i += run;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** @param mark whether a link's text is put between {@link ReferenceSentences}' marks (outermost links only) */
  private StringBuilder render(int from, int to, StringBuilder out, boolean mark) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (codeEnd[i] > 0) {
        out.append(text, i, codeEnd[i]);
        i = codeEnd[i];
        continue;
      }
      if (c == '\\' && i + 1 < to && isPunctuation(text.charAt(i + 1))) {
        out.append(text, i, i + 2);
        i += 2;
        continue;
      }
      int open = c == '[' ? i : c == '!' && i + 1 < to && text.charAt(i + 1) == '[' ? i + 1 : -1;
      if (open >= 0 && match[open] > 0 && match[open] < to) {
        int close = match[open];
        int after = linkEnd(open, close, to);
        if (after > 0) {
          if (mark) {
            out.append(ReferenceSentences.OPEN);
          }
          render(open + 1, close, out, false);
          if (mark) {
            out.append(ReferenceSentences.CLOSE);
          }
          i = after;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out;
  }

  /** Where the link whose text is {@code [open+1, close)} ends, or -1 when the brackets make no link. */
  private int linkEnd(int open, int close, int to) {
    int p = close + 1;
    if (p < to && text.charAt(p) == '(') {
      return inlineEnd(p + 1, to);
    }
    if (p < to && text.charAt(p) == '[' && match[p] > 0 && match[p] < to) {
      String reference = text.substring(p + 1, match[p]);
      String name = reference.isBlank() ? text.substring(open + 1, close) : reference;
      return labels.contains(label(name)) ? match[p] + 1 : -1;
    }
    return labels.contains(label(text.substring(open + 1, close))) ? close + 1 : -1;
  }

  /** After an inline link's {@code (}: the index after its {@code )}, or -1 unless it is a link target. */
  private int inlineEnd(int from, int to) {
    int p = skipSpaces(from, to);
    int target = p;
    if (p < to && text.charAt(p) == '<') {
      while (p < to && text.charAt(p) != '>' && text.charAt(p) != '\n') {
        p++;
      }
      if (p >= to || text.charAt(p) != '>') {
        return -1;
      }
      p++;
    } else {
      int depth = 0;
      while (p < to) {
        char c = text.charAt(p);
        if (c == '\\' && p + 1 < to) {
          p += 2;
          continue;
        }
        if (Character.isWhitespace(c) || Character.isISOControl(c) || (c == ')' && depth == 0)) {
          break;
        }
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        p++;
      }
    }
    String destination = text.substring(target, p);
    if (!TARGET.matcher(destination).find() || destination.regionMatches(true, destination.startsWith("<") ? 1 : 0,
        "mailto:", 0, 7)) {
      return -1;
    }
    p = skipSpaces(p, to);
    if (p < to && (text.charAt(p) == '"' || text.charAt(p) == '\'' || text.charAt(p) == '(')) {
      char end = text.charAt(p) == '(' ? ')' : text.charAt(p);
      p++;
      while (p < to && text.charAt(p) != end) {
        p += text.charAt(p) == '\\' ? 2 : 1;
      }
      if (p >= to) {
        return -1;
      }
      p = skipSpaces(p + 1, to);
    }
    return p < to && text.charAt(p) == ')' ? p + 1 : -1;
  }

  private int skipSpaces(int from, int to) {
    int p = from;
    while (p < to && (text.charAt(p) == ' ' || text.charAt(p) == '\t' || text.charAt(p) == '\n')) {
      p++;
    }
    return p;
  }

  private static boolean isPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
  }
}
