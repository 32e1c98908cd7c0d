package dev.openapi2mcp.generator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fenced code blocks of README.md and {@code docs/*.md}. A block preceded by the line
 * {@code <!-- illustrative -->} is an example with placeholders, which the docs tests only partly check.
 */
final class DocBlocks {
  /** The repository root, seen from a module directory, where tests run. */
  static final Path ROOT = Path.of("..");
  static final String ILLUSTRATIVE = "<!-- illustrative -->";

  /** One fenced block: its page, the line its content starts on (1-based), and its lines. */
  record Block(String page, int line, boolean illustrative, List<String> lines) {
    String where() {
      return page + ":" + line;
    }

    String text() {
      return String.join("\n", lines) + "\n";
    }
  }

  private DocBlocks() {}

  /** The blocks fenced as {@code ```language}, page by page (README first), in order. */
  static List<Block> fenced(String language) throws Exception {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<Block> blocks = new ArrayList<>();
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```" + language)) {
          continue;
        }
        boolean illustrative = i > 0 && lines.get(i - 1).strip().equals(ILLUSTRATIVE);
        int start = i + 1;
        List<String> content = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
          content.add(lines.get(i));
        }
        blocks.add(new Block(ROOT.relativize(page).toString(), start + 1, illustrative, content));
      }
    }
    return blocks;
  }
}
