package dev.openapi2mcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.emit.HostileSpec.Field;
import dev.openapi2mcp.generator.testing.CompiledServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: random spec text, drawn from the pieces that break Java sources (Unicode escapes and their parts, comment
 * ends and starts, line breaks, NUL, lone and paired surrogates, bidirectional controls, quotes, Javadoc tags, HTML),
 * in every field of a spec at once. The sources must compile with {@code -Xlint:all -Werror}, load without output,
 * and hold no spec text outside literals and comments: their tokens outside literals and comments, as javac reads
 * them, equal those of the same spec with every text replaced by a harmless one of the same line structure.
 *
 * <p>The seed is fixed, so that a run is reproducible; {@code -Dspectext.seed=N} tries another, and every failure
 * names the seed and the generation.
 */
class SpecTextPropertyTest {
  private static final int GENERATIONS = 8;

  /** The pieces random texts are made of. */
  private static final List<String> PIECES = List.of("\\u", "\\", "u", "uu", "0", "2", "a", "F", "7b", "\\u0022",
      "\\u002a\\u002f", "\\u000a", "\\\\u", "*/", "/*", "//", "*", "/", "\r", "\n", "\r\n", "\0", "\ud800", "\udc00",
      "\ud83d\ude00", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u2028", "\"", "'", "@", "{@",
      "{", "}", "<", ">", "&", "&#", ";", " ", "\t", "x", "static", "PWNED", "\u00e9", "+", "%s", "$L", "$");

  @TempDir
  Path temp;

  @Test
  void randomSpecTextNeverBecomesCode() throws Exception {
    long seed = Long.getLong("spectext.seed", 20_261_208L);
    Random random = new Random(seed);
    for (int generation = 0; generation < GENERATIONS; generation++) {
      String where = "seed " + seed + ", generation " + generation;
      HostileSpec hostile = new HostileSpec();
      HostileSpec harmless = new HostileSpec();
      for (Field field : Field.values()) {
        if (field.refusal != null) {
          continue;
        }
        List<String> pieces = pieces(random, field);
        String text = text(field, pieces, false);
        String twin = text(field, pieces, true);
        if ((field == Field.SERVER_URL || field == Field.OAUTH_TOKEN_URL) && !isUri(text)) {
          // A server URL that is not a URI is left out; so is its twin, a space making it no URI either.
          twin += " ";
        }
        hostile.with(field, text);
        harmless.with(field, twin);
      }
      Path run = temp.resolve("run" + generation);
      Path hostileSources = generate(hostile, run.resolve("hostile"));
      Path harmlessSources = generate(harmless, run.resolve("harmless"));

      Compilation compilation;
      try {
        compilation = CompiledServer.compile(hostileSources);
      } catch (AssertionError e) {
        throw new AssertionError(where + ": " + e.getMessage(), e);
      }
      String console = SpecTextInjectionTest.loadEverything(compilation, "com.example.hostile.HostileServer")
          .console();
      assertThat(console).as("%s: console while loading", where).isEmpty();
      for (Path file : javaFiles(hostileSources)) {
        Path twin = harmlessSources.resolve(hostileSources.relativize(file));
        assertThat(twin).as("%s: %s in the harmless twin", where, file.getFileName()).exists();
        List<String> code = JavaTokens.code(Files.readString(file));
        List<String> expected = JavaTokens.code(Files.readString(twin));
        assertThat(code).as("%s: the code of %s outside literals and comments differs from its harmless twin's: %s",
            where, file.getFileName(), firstDifference(code, expected)).isEqualTo(expected);
      }
    }
  }

  private static boolean isUri(String text) {
    try {
      URI.create(text);
      return !text.contains("{");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Where two token lists part, with some tokens before. */
  private static String firstDifference(List<String> actual, List<String> expected) {
    int at = 0;
    while (at < actual.size() && at < expected.size() && actual.get(at).equals(expected.get(at))) {
      at++;
    }
    int from = Math.max(0, at - 12);
    return "after " + String.join(" ", actual.subList(from, at)) + " comes "
        + String.join(" ", actual.subList(at, Math.min(actual.size(), at + 8))) + " instead of "
        + String.join(" ", expected.subList(at, Math.min(expected.size(), at + 8)));
  }

  private static Path generate(HostileSpec spec, Path directory) throws Exception {
    Path file = spec.write(directory.resolve("spec.json"));
    Path sources = directory.resolve("src");
    Generator.run(new GeneratorConfig(file.toString(), sources, "com.example.hostile", "hostile"));
    return sources;
  }

  private static List<Path> javaFiles(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** One to twelve pieces; no braces in a path, where they would declare path parameters. */
  private static List<String> pieces(Random random, Field field) {
    boolean path = field == Field.PATH_KEY || field == Field.PATH_PARAMETER_NAME;
    List<String> pieces = new ArrayList<>();
    int count = 1 + random.nextInt(12);
    while (pieces.size() < count) {
      String piece = PIECES.get(random.nextInt(PIECES.size()));
      if (!(path && (piece.contains("{") || piece.contains("}")))) {
        pieces.add(piece);
      }
    }
    return pieces;
  }

  /**
   * The text of the pieces, or its harmless twin: each piece that is not blank replaced by two letters of its own
   * (so texts that are equal stay equal, and different ones different), blank ones (line breaks, spaces) kept, so
   * that trimming and line-wise composing treat both alike.
   */
  private static String text(Field field, List<String> pieces, boolean harmless) {
    StringBuilder text = new StringBuilder(switch (field) {
      case SERVER_URL, OAUTH_TOKEN_URL -> "https://api.example.com/";
      case PATH_KEY -> "/";
      default -> "";
    });
    for (String piece : pieces) {
      if (!harmless || piece.isBlank()) {
        text.append(piece);
      } else {
        int index = PIECES.indexOf(piece);
        text.append((char) ('a' + index / 26)).append((char) ('a' + index % 26));
      }
    }
    return text.toString();
  }
}
