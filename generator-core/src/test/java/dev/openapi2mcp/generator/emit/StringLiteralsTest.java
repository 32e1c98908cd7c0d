package dev.openapi2mcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringLiteralsTest {
  @Test
  void countsModifiedUtf8Bytes() {
    assertThat(StringLiterals.modifiedUtf8Length("abc")).isEqualTo(3);
    assertThat(StringLiterals.modifiedUtf8Length("\0")).isEqualTo(2);
    assertThat(StringLiterals.modifiedUtf8Length("é")).isEqualTo(2);
    assertThat(StringLiterals.modifiedUtf8Length("€")).isEqualTo(3);
    // A supplementary character is two surrogates of three bytes each, unlike standard UTF-8's four.
    assertThat(StringLiterals.modifiedUtf8Length("😀")).isEqualTo(6);
  }

  @Test
  void aStringThatFitsIsOnePlainLiteral() {
    String value = "x".repeat(StringLiterals.CONSTANT_LIMIT);
    assertThat(StringLiterals.of(value).toString()).isEqualTo("\"" + value + "\"");
  }

  @Test
  void aLongerStringIsJoinedFromPartsThatEachFit() {
    String value = "y".repeat(StringLiterals.CONSTANT_LIMIT + 1);
    String code = StringLiterals.of(value).toString();
    assertThat(code).startsWith("String.join(\"\",\n\"").endsWith("\")");
    assertThat(code.split("\n")).hasSize(3);
  }

  @Test
  void partsStayWithinTheLimitAndNeverSplitASurrogatePair() {
    String value = "a😀".repeat(10);
    List<String> parts = StringLiterals.split(value, 8);

    assertThat(String.join("", parts)).isEqualTo(value);
    for (String part : parts) {
      assertThat(StringLiterals.modifiedUtf8Length(part)).isLessThanOrEqualTo(8);
      assertThat(Character.isLowSurrogate(part.charAt(0))).as("part starts inside a pair: %s", part).isFalse();
      assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
    }
  }

  @Test
  void lineAndParagraphSeparatorsAreEscapedLiteralsOfTheirOwn() {
    assertThat(StringLiterals.of("a\u2028b\u2029").toString()).isEqualTo("\"a\" + \"\\u2028\" + \"b\" + \"\\u2029\"");
  }

  @Test
  void aLiteralEndsAfterALoneHighSurrogateSoThatNoBackslashFollowsIt() {
    // Built from a char: this source, too, is read by javac, which would misread the escape of a lone surrogate.
    String lone = String.valueOf((char) 0xD800);
    assertThat(StringLiterals.of("x" + lone + "\\u0022").toString())
        .isEqualTo("\"x" + lone + "\" + \"\\\\u0022\"");
    assertThat(StringLiterals.of("x\ud83d\ude00\\").toString()).isEqualTo("\"x\ud83d\ude00\\\\\"");
  }
}
