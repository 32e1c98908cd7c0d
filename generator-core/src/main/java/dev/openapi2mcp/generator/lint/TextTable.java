package dev.openapi2mcp.generator.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, a rule, then rows; columns padded to their widest cell, numbers right-aligned.
 * The last column gives way when a line would be wider than {@link #MAX_WIDTH}: its cells are cut with "…".
 */
final class TextTable {
  static final int MAX_WIDTH = 120;
  private static final String GAP = "  ";

  private final List<String> header;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();

  /** @param right which columns are right-aligned (numbers) */
  TextTable(List<String> header, boolean... right) {
    this.header = List.copyOf(header);
    this.right = right.clone();
  }

  TextTable row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  String render() {
    int columns = header.size();
    int[] widths = new int[columns];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    // Columns before the last keep their width (names and numbers); the last one takes what is left.
    int fixed = 0;
    for (int c = 0; c < columns - 1; c++) {
      fixed += Math.min(widths[c], MAX_WIDTH / 2) + GAP.length();
    }
    widths[columns - 1] = Math.max(1, Math.min(widths[columns - 1], MAX_WIDTH - fixed));
    for (int c = 0; c < columns - 1; c++) {
      widths[c] = Math.min(widths[c], MAX_WIDTH / 2);
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths);
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = fit(cells.get(c), widths[c]);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(c == 0 ? "" : GAP).append(c < right.length && right[c] ? pad + cell : cell + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String fit(String cell, int width) {
    return cell.length() <= width ? cell : cell.substring(0, width - 1) + "…";
  }
}
