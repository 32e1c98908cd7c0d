package dev.openapi2mcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Generated sources are pure ASCII: every other character becomes a Unicode escape that javac reads back; issue 6
 * made this one pass over the text into bytes.
 */
class AsciiBytesTest {
  @Test
  void asciiTextIsItsOwnBytes() {
    String text = "class A { String s = \"tab\\t\"; }\n";

    assertThat(JavaEmitter.asciiBytes(text)).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void everyCharacterAboveAsciiIsEscapedWithFourLowercaseHexDigits() {
    String text = "é\u0080 – ☃ \uD83D\uDE00\u00ff\uffff\u007f";

    assertThat(new String(JavaEmitter.asciiBytes(text), StandardCharsets.US_ASCII))
        .isEqualTo("\\u00e9\\u0080 \\u2013 \\u2603 \\ud83d\\ude00\\u00ff\\uffff\u007f");
  }
}
