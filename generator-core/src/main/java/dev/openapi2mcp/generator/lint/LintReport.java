package dev.openapi2mcp.generator.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What lint found about a server's tools, and how large its {@code tools/list} answer is.
 *
 * <p>Findings are warnings; only a {@link #tokenBudget()} that the estimate exceeds fails a run (see
 * {@link #budgetExceeded()}). Every text here is deterministic: same tools, same text.
 *
 * @param serverName the server's name
 * @param findings the findings, by tool in the server's order and, within a tool, in {@link Check} order
 * @param sizes every tool's size, in the server's order
 * @param totalBytes the whole {@code tools/list} result as compact UTF-8 JSON
 * @param tokenBudget the most tokens allowed, or null for no limit
 * @param toolsListJson the {@code tools/list} result, pretty-printed (see {@link ToolsListJson#pretty})
 */
public record LintReport(String serverName, List<Finding> findings, List<ToolSize> sizes, long totalBytes,
    Integer tokenBudget, String toolsListJson) {

  /** How many tools the largest-tools table and the budget message name. */
  public static final int LARGEST_IN_TABLE = 10;
  public static final int LARGEST_IN_MESSAGE = 5;
  private static final int EXAMPLES = 3;

  public LintReport {
    Objects.requireNonNull(serverName, "serverName");
    findings = List.copyOf(findings);
    sizes = List.copyOf(sizes);
    Objects.requireNonNull(toolsListJson, "toolsListJson");
  }

  /** This report under another token budget (null for none). */
  public LintReport withTokenBudget(Integer budget) {
    return new LintReport(serverName, findings, sizes, totalBytes, budget, toolsListJson);
  }

  /** The estimated tokens of the whole {@code tools/list} answer. */
  public long tokens() {
    return TokenEstimate.tokens(totalBytes);
  }

  public boolean budgetExceeded() {
    return tokenBudget != null && tokens() > tokenBudget;
  }

  /** The findings of each check (every check present, in {@link Check} order). */
  public Map<Check, List<Finding>> byCheck() {
    Map<Check, List<Finding>> byCheck = new EnumMap<>(Check.class);
    for (Check check : Check.values()) {
      byCheck.put(check, new ArrayList<>());
    }
    findings.forEach(finding -> byCheck.get(finding.check()).add(finding));
    return byCheck;
  }

  /** The {@code n} largest tools, largest first (ties in the server's order). */
  public List<ToolSize> largest(int n) {
    return sizes.stream()
        .sorted(Comparator.comparingInt(ToolSize::bytes).reversed())
        .limit(n)
        .toList();
  }

  /**
   * Why the run fails when the budget is exceeded: the estimate, the budget, the largest tools with their tokens,
   * and what to do about it.
   */
  public String budgetMessage() {
    StringBuilder message = new StringBuilder("the tools/list answer of ").append(serverName)
        .append(" is about ").append(number(tokens())).append(" tokens (").append(number(totalBytes))
        .append(" bytes / ").append(TokenEstimate.BYTES_PER_TOKEN).append("), over the token budget of ")
        .append(number(tokenBudget == null ? 0 : tokenBudget)).append("; largest tools: ");
    List<String> largest = new ArrayList<>();
    largest(LARGEST_IN_MESSAGE).forEach(size -> largest.add(size.tool() + " (" + number(size.tokens()) + ")"));
    return message.append(String.join(", ", largest))
        .append(". Leave tools out with a filter, shorten their descriptions or schemas with overrides,"
            + " or raise the token budget")
        .toString();
  }

  /** The totals line, e.g. {@code total: 19 tools, 12,345 bytes, ~3,087 tokens (bytes / 4); token budget: none}. */
  public String totals() {
    String budget = tokenBudget == null ? "none"
        : number(tokenBudget) + (budgetExceeded() ? " (EXCEEDED)" : " (" + percent(tokens(), tokenBudget) + " used)");
    return "total: " + number(sizes.size()) + (sizes.size() == 1 ? " tool, " : " tools, ") + number(totalBytes)
        + " bytes, ~" + number(tokens()) + " tokens (bytes / " + TokenEstimate.BYTES_PER_TOKEN
        + "); token budget: " + budget;
  }

  /**
   * The report for a build log: the checks (check | tools | example tools), the largest tools
   * (tool | ~tokens | share), then the totals line. No line is wider than 120 characters.
   */
  public String table() {
    TextTable checks = new TextTable(List.of("check", "tools", "example tools"), false, true, false);
    byCheck().forEach((check, found) -> checks.row(check.label(), String.valueOf(tools(found).size()),
        examples(found)));
    TextTable largest = new TextTable(List.of("largest tools", "~tokens", "share"), false, true, true);
    largest(LARGEST_IN_TABLE).forEach(size -> largest.row(size.tool(), number(size.tokens()),
        percent(size.bytes(), toolBytes())));
    return checks.render() + "\n" + largest.render() + "\n" + totals() + "\n";
  }

  /** The full report as Markdown: the totals, the checks, and one row per tool with findings. */
  public String markdown() {
    StringBuilder md = new StringBuilder("# openapi2mcp lint: ").append(cell(serverName)).append("\n\n")
        .append(totals()).append("\n\n| check | tools |\n| --- | ---: |\n");
    byCheck().forEach((check, found) -> md.append("| ").append(check.label()).append(" | ")
        .append(tools(found).size()).append(" |\n"));
    md.append("\n| tool | ~tokens | findings |\n| --- | ---: | --- |\n");
    Map<String, List<Finding>> byTool = new LinkedHashMap<>();
    findings.forEach(finding -> byTool.computeIfAbsent(finding.tool(), t -> new ArrayList<>()).add(finding));
    for (ToolSize size : sizes) {
      List<Finding> found = byTool.get(size.tool());
      if (found != null) {
        List<String> texts = new ArrayList<>();
        found.forEach(finding -> texts.add(finding.toString()));
        md.append("| ").append(cell(size.tool())).append(" | ").append(number(size.tokens())).append(" | ")
            .append(cell(String.join("; ", texts))).append(" |\n");
      }
    }
    return md.toString();
  }

  private long toolBytes() {
    return sizes.stream().mapToLong(ToolSize::bytes).sum();
  }

  private static Set<String> tools(List<Finding> findings) {
    Set<String> tools = new LinkedHashSet<>();
    findings.forEach(finding -> tools.add(finding.tool()));
    return tools;
  }

  private static String examples(List<Finding> findings) {
    List<String> tools = new ArrayList<>(tools(findings));
    String shown = String.join(", ", tools.subList(0, Math.min(EXAMPLES, tools.size())));
    return tools.size() > EXAMPLES ? shown + ", …" : shown;
  }

  /**
   * Spec text as the content of one table cell: pipes and backslashes escaped, {@code &} and {@code <} as entities
   * (no HTML in the report), control characters and line breaks as spaces (one row stays one line, and no terminal
   * escape sequence reaches a reader's console).
   */
  private static String cell(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '|' -> out.append("\\|");
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        default -> out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
      }
    }
    return out.toString();
  }

  static String number(long n) {
    // As String.format(Locale.ROOT, "%,d", n), which lint would otherwise call for every finding (issue 6).
    String digits = n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
    StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (n < 0) {
      grouped.append('-');
    }
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(digits.charAt(i));
    }
    return grouped.toString();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "0.0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
