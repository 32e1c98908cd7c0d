package dev.openapi2mcp.generator.description;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences whose only point was a link, dropped once the link's target is gone (issue 6). "For more information,
 * see [Using pagination](https://…)." becomes "For more information, see Using pagination." when
 * {@link DescriptionText} strips the target: a pointer to a document the model has no way to open. On GitHub's
 * description such sentences were about 57 KB of {@code tools/list}.
 *
 * <p>The rule, exactly: a sentence is dropped when it starts a sentence (at the start of the text, of a line, of a
 * list item or block quote, or after a sentence's end), ends with a period, and consists of
 * <ul>
 *   <li>a lead-in: {@code For more information, see}, {@code For details, see}, {@code For more information about
 *       X, see}, {@code …, refer to}, {@code See}, {@code See also}, {@code Learn more about X in}, {@code Read more
 *       in};</li>
 *   <li>one or more links, each possibly in quotes, joined by commas, {@code and} or {@code or};</li>
 *   <li>optionally a tail that only says where or why to look: {@code in the X documentation}, {@code
 *       documentation}, {@code for more information}, {@code for details about X}.</li>
 * </ul>
 * Anything else in the sentence (a value, a condition, a name that is not a link) keeps it, and so does a sentence
 * whose "see" points at plain text, which may be the name of another tool or field. Code spans cannot hold a link,
 * so they are never part of a dropped sentence unless written inside the link's text. A text is never emptied:
 * when every sentence would go, it stays as it is.
 *
 * <p>Works on text whose links {@link DescriptionText} marked with {@link #OPEN} and {@link #CLOSE}; the marks
 * never leave this class.
 */
final class ReferenceSentences {
  /** Put before a link's text; a private-use character, which {@link DescriptionText} checks is not in the text. */
  static final char OPEN = '\uE000';
  /** Put after a link's text. */
  static final char CLOSE = '\uE001';

  private static final String LINK = "\uE000[^\uE000\uE001]*\uE001";
  private static final String QUOTED = "[\"“']?" + LINK + "(?:\\.?[\"”'])?";
  private static final String LINKS = QUOTED + "(?:(?:\\s*,\\s*|\\s*,?\\s+(?:and|or)\\s+)" + QUOTED + ")*";
  private static final String TOPIC = "[^,.\\n\uE000]{1,80}";
  private static final String LEAD_IN = "(?:"
      + "For (?:more |further )?(?:information|details)(?: (?:about|on) " + TOPIC + ")?, (?:see|refer to)"
      + "|See(?: also)?"
      + "|(?:Learn|Read) more(?: about " + TOPIC + ")? (?:in|at)"
      + ")\\s+(?:the\\s+)?";
  private static final String TAIL = "(?:"
      + "\\s+(?:in|on) (?:the )?[^.,\\n\uE000]{0,60}?(?:documentation|docs|guide|help)"
      + "|\\s+(?:documentation|docs|guide|article|page)"
      + "|\\s+for (?:more )?(?:information|details)(?: (?:about|on) " + TOPIC + ")?"
      + ")?";
  private static final Pattern SENTENCE = Pattern.compile(LEAD_IN + LINKS + TAIL + "\\.?[\"”']?(?=\\s|$)");
  private static final Pattern LINE_MARKERS = Pattern.compile("[ \\t]*(?:(?:>|[-*+]|\\d{1,3}[.)])[ \\t]*)*");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private ReferenceSentences() {}

  /** {@code marked} without its reference-only sentences and without the marks. */
  static String drop(String marked) {
    if (marked.indexOf(OPEN) < 0) {
      return marked;
    }
    Matcher sentence = SENTENCE.matcher(marked);
    StringBuilder kept = new StringBuilder(marked.length());
    int from = 0;
    boolean dropped = false;
    while (sentence.find()) {
      int start = sentence.start();
      if (!endsWithPeriod(sentence.group()) || !startsSentence(marked, start)) {
        continue;
      }
      int cut = start;
      while (cut > from && (marked.charAt(cut - 1) == ' ' || marked.charAt(cut - 1) == '\t')) {
        cut--;
      }
      int end = sentence.end();
      if (cut == 0 || marked.charAt(cut - 1) == '\n' || cut == from) {
        // At the start of a line the spaces after the sentence go, so that the next sentence starts the line.
        cut = start;
        while (end < marked.length() && (marked.charAt(end) == ' ' || marked.charAt(end) == '\t')) {
          end++;
        }
      }
      kept.append(marked, from, cut);
      from = end;
      dropped = true;
    }
    if (!dropped) {
      return unmarked(marked);
    }
    kept.append(marked, from, marked.length());
    String result = withoutEmptiedLines(marked, kept.toString());
    return result.isBlank() ? unmarked(marked) : unmarked(result);
  }

  private static boolean endsWithPeriod(String sentence) {
    String tail = sentence.substring(sentence.lastIndexOf(CLOSE) + 1);
    return tail.indexOf('.') >= 0;
  }

  /** Whether {@code start} begins a sentence: after the text's start, a line's markers or a sentence's end. */
  private static boolean startsSentence(String text, int start) {
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (LINE_MARKERS.matcher(text.substring(lineStart, start)).matches()) {
      return true;
    }
    int j = start;
    while (j > 0 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t')) {
      j--;
    }
    if (j == start) {
      return false;
    }
    char before = text.charAt(j - 1);
    if (before == '.' || before == '!' || before == '?' || before == ':') {
      return true;
    }
    boolean closing = before == '"' || before == '”' || before == '\'' || before == ')';
    return closing && j > 1 && ".!?".indexOf(text.charAt(j - 2)) >= 0;
  }

  /**
   * {@code text} without the lines that dropping emptied (a list item or quote line left with its markers
   * only), and with runs of blank lines collapsed as the removal left them; lines that were blank before stay.
   */
  private static String withoutEmptiedLines(String original, String text) {
    Set<String> originalLines = new HashSet<>(Arrays.asList(original.split("\n", -1)));
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      boolean markersOnly = LINE_MARKERS.matcher(line).matches();
      if (markersOnly && !line.isEmpty() && !originalLines.contains(line)) {
        continue;
      }
      out.append(line).append('\n');
    }
    out.setLength(out.length() - 1);
    return BLANK_LINES.matcher(out.toString()).replaceAll("\n\n").strip();
  }

  private static String unmarked(String text) {
    return text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
  }
}
