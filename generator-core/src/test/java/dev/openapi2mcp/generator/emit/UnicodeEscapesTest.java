package dev.openapi2mcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defence in depth: a generated source that holds a Unicode escape the emitter does not write (spec text
 * that reached it without escaping) fails generation instead of compiling into code.
 */
class UnicodeEscapesTest {

  @Test
  void escapesThatWouldCloseACommentOrALiteralOrEndALineAreRefusedNamingFileAndLine() {
    for (String leak : new String[] {"\\u002a\\u002f", "\\u0022", "\\uuu0022", "\\u000a", "\\u000D", "\\u005c",
        "\\\\\\u0022", "\\u007b"}) {
      assertThatThrownBy(() -> UnicodeEscapes.check("class A {\n  /** x " + leak + " */\n}\n", "A.java"))
          .as(leak).isInstanceOf(IllegalStateException.class).hasMessageContaining("A.java, line 2");
    }
  }

  @Test
  void aBackslashRightAfterALoneHighSurrogateIsRefusedBecauseJavac17MisreadsIt() {
    // javac 17 reads the escape of U+D800, an escaped backslash and "u0022" as U+D800, a backslash and a closing quote.
    assertThatThrownBy(() -> UnicodeEscapes.check("String s = \"\\ud800\\\\u0022\";", "A.java"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("follows the high surrogate \\ud800");
    assertThatCode(() -> UnicodeEscapes.check("String s = \"\\ud83d\\ude00\\\\u0022\" + \"\\ud800\" + \"\\\\u\";",
        "A.java")).doesNotThrowAnyException();
  }

  @Test
  void malformedEscapesAreRefused() {
    for (String malformed : new String[] {"\\u12", "\\uzzzz", "\\u", "\\u\uff10\uff10\uff12\uff12"}) {
      assertThatThrownBy(() -> UnicodeEscapes.check("// " + malformed, "A.java")).as(malformed)
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void whatTheEmitterWritesPasses() {
    // Doubled backslashes of a literal, JavaPoet's control escapes, and the ASCII conversion of any other character,
    // also right after a doubled backslash.
    String rendered = "String a = \"\\\\u0022 \\\\\\\\u002a \\u0000 \\u001f \\u007f\";\n"
        + "String b = \"\\\\\u00e9\u202e\";\n";
    String ascii = new String(JavaEmitter.asciiBytes(rendered), StandardCharsets.US_ASCII);
    assertThatCode(() -> UnicodeEscapes.check(ascii, "A.java")).doesNotThrowAnyException();
  }
}
