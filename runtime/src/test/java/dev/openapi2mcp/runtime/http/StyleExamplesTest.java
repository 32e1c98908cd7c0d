package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: parameters are serialized exactly as their {@code style} and {@code explode} say. One test per cell of
 * the OpenAPI style examples table (OpenAPI 3.1.1 / 3.0.4, "Style Examples"), for a parameter named {@code color}
 * with the values {@code "blue"}, {@code ["blue","black","brown"]} and {@code {"R":100,"G":200,"B":150}}, plus the
 * empty-string cells. The 3.1.1 table is the corrected one: non-exploded {@code label} joins with commas
 * ({@code .blue,black,brown}), as RFC 6570 §3.2.5 says; the 3.0.3 table's {@code .blue.black.brown} for that cell
 * contradicted the RFC it cites. Path values are what replaces {@code {color}}; query and cookie values are the
 * name/value pairs as they go on the wire, already percent-encoded.
 */
class StyleExamplesTest {
  private static final JsonNode STRING = Harness.args("{\"v\":\"blue\"}").get("v");
  private static final JsonNode EMPTY = Harness.args("{\"v\":\"\"}").get("v");
  private static final JsonNode ARRAY = Harness.args("{\"v\":[\"blue\",\"black\",\"brown\"]}").get("v");
  private static final JsonNode OBJECT = Harness.args("{\"v\":{\"R\":100,\"G\":200,\"B\":150}}").get("v");

  private static ParameterBinding binding(ParameterLocation location, String style, boolean explode) {
    return new ParameterBinding("color", "color", location, style, explode, true);
  }

  private static String path(String style, boolean explode, JsonNode value) {
    return ParameterSerializer.pathValue(binding(ParameterLocation.PATH, style, explode), value);
  }

  private static String query(String style, boolean explode, JsonNode value) {
    return ParameterSerializer.queryPairs(binding(ParameterLocation.QUERY, style, explode), value).stream()
        .map(pair -> pair.name() + "=" + pair.value())
        .collect(Collectors.joining("&"));
  }

  private static String header(boolean explode, JsonNode value) {
    return ParameterSerializer.headerValue(binding(ParameterLocation.HEADER, "simple", explode), value);
  }

  private static List<String> cookie(boolean explode, JsonNode value) {
    return ParameterSerializer.cookiePairs(binding(ParameterLocation.COOKIE, "form", explode), value);
  }

  @Nested
  class MatrixNotExploded {
    @Test
    void stringIsNameEqualsValue() {
      assertThat(path("matrix", false, STRING)).isEqualTo(";color=blue");
    }

    @Test
    void emptyStringIsTheNameAlone() {
      assertThat(path("matrix", false, EMPTY)).isEqualTo(";color");
    }

    @Test
    void arrayIsCommaJoinedAfterTheName() {
      assertThat(path("matrix", false, ARRAY)).isEqualTo(";color=blue,black,brown");
    }

    @Test
    void objectIsKeysAndValuesCommaJoinedAfterTheName() {
      assertThat(path("matrix", false, OBJECT)).isEqualTo(";color=R,100,G,200,B,150");
    }
  }

  @Nested
  class MatrixExploded {
    @Test
    void stringIsNameEqualsValue() {
      assertThat(path("matrix", true, STRING)).isEqualTo(";color=blue");
    }

    @Test
    void emptyStringIsTheNameAlone() {
      assertThat(path("matrix", true, EMPTY)).isEqualTo(";color");
    }

    @Test
    void arrayRepeatsTheNameForEachItem() {
      assertThat(path("matrix", true, ARRAY)).isEqualTo(";color=blue;color=black;color=brown");
    }

    @Test
    void objectIsOneParameterPerKey() {
      assertThat(path("matrix", true, OBJECT)).isEqualTo(";R=100;G=200;B=150");
    }
  }

  @Nested
  class LabelNotExploded {
    @Test
    void stringIsDotValue() {
      assertThat(path("label", false, STRING)).isEqualTo(".blue");
    }

    @Test
    void emptyStringIsTheDotAlone() {
      assertThat(path("label", false, EMPTY)).isEqualTo(".");
    }

    @Test
    void arrayIsCommaJoinedAfterTheDot() {
      assertThat(path("label", false, ARRAY)).isEqualTo(".blue,black,brown");
    }

    @Test
    void objectIsKeysAndValuesCommaJoinedAfterTheDot() {
      assertThat(path("label", false, OBJECT)).isEqualTo(".R,100,G,200,B,150");
    }
  }

  @Nested
  class LabelExploded {
    @Test
    void stringIsDotValue() {
      assertThat(path("label", true, STRING)).isEqualTo(".blue");
    }

    @Test
    void emptyStringIsTheDotAlone() {
      assertThat(path("label", true, EMPTY)).isEqualTo(".");
    }

    @Test
    void arrayPutsADotBeforeEachItem() {
      assertThat(path("label", true, ARRAY)).isEqualTo(".blue.black.brown");
    }

    @Test
    void objectPutsADotBeforeEachKeyEqualsValue() {
      assertThat(path("label", true, OBJECT)).isEqualTo(".R=100.G=200.B=150");
    }
  }

  @Nested
  class SimpleNotExploded {
    @Test
    void stringIsTheValue() {
      assertThat(path("simple", false, STRING)).isEqualTo("blue");
    }

    @Test
    void arrayIsCommaJoined() {
      assertThat(path("simple", false, ARRAY)).isEqualTo("blue,black,brown");
    }

    @Test
    void objectIsKeysAndValuesCommaJoined() {
      assertThat(path("simple", false, OBJECT)).isEqualTo("R,100,G,200,B,150");
    }
  }

  @Nested
  class SimpleExploded {
    @Test
    void stringIsTheValue() {
      assertThat(path("simple", true, STRING)).isEqualTo("blue");
    }

    @Test
    void arrayIsCommaJoined() {
      assertThat(path("simple", true, ARRAY)).isEqualTo("blue,black,brown");
    }

    @Test
    void objectIsKeyEqualsValueCommaJoined() {
      assertThat(path("simple", true, OBJECT)).isEqualTo("R=100,G=200,B=150");
    }
  }

  @Nested
  class FormNotExploded {
    @Test
    void stringIsNameEqualsValue() {
      assertThat(query("form", false, STRING)).isEqualTo("color=blue");
    }

    @Test
    void emptyStringIsNameEqualsNothing() {
      assertThat(query("form", false, EMPTY)).isEqualTo("color=");
    }

    @Test
    void arrayIsOnePairWithCommaJoinedValues() {
      assertThat(query("form", false, ARRAY)).isEqualTo("color=blue,black,brown");
    }

    @Test
    void objectIsOnePairWithKeysAndValuesCommaJoined() {
      assertThat(query("form", false, OBJECT)).isEqualTo("color=R,100,G,200,B,150");
    }
  }

  @Nested
  class FormExploded {
    @Test
    void stringIsNameEqualsValue() {
      assertThat(query("form", true, STRING)).isEqualTo("color=blue");
    }

    @Test
    void emptyStringIsNameEqualsNothing() {
      assertThat(query("form", true, EMPTY)).isEqualTo("color=");
    }

    @Test
    void arrayRepeatsTheName() {
      assertThat(query("form", true, ARRAY)).isEqualTo("color=blue&color=black&color=brown");
    }

    @Test
    void objectIsOnePairPerKeyWithoutTheName() {
      assertThat(query("form", true, OBJECT)).isEqualTo("R=100&G=200&B=150");
    }
  }

  @Nested
  class SpaceDelimited {
    @Test
    void arrayIsJoinedWithEncodedSpaces() {
      assertThat(query("spaceDelimited", false, ARRAY)).isEqualTo("color=blue%20black%20brown");
    }

    @Test
    void objectIsKeysAndValuesJoinedWithEncodedSpaces() {
      assertThat(query("spaceDelimited", false, OBJECT)).isEqualTo("color=R%20100%20G%20200%20B%20150");
    }
  }

  @Nested
  class PipeDelimited {
    @Test
    void arrayIsJoinedWithEncodedPipes() {
      assertThat(query("pipeDelimited", false, ARRAY)).isEqualTo("color=blue%7Cblack%7Cbrown");
    }

    @Test
    void objectIsKeysAndValuesJoinedWithEncodedPipes() {
      assertThat(query("pipeDelimited", false, OBJECT)).isEqualTo("color=R%7C100%7CG%7C200%7CB%7C150");
    }
  }

  @Nested
  class DeepObject {
    @Test
    void objectIsOnePairPerKeyWithBracketedEncodedNames() {
      assertThat(query("deepObject", true, OBJECT))
          .isEqualTo("color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150");
    }
  }

  @Nested
  class Header {
    @Test
    void stringIsTheValue() {
      assertThat(header(false, STRING)).isEqualTo("blue");
    }

    @Test
    void arrayIsCommaJoined() {
      assertThat(header(false, ARRAY)).isEqualTo("blue,black,brown");
    }

    @Test
    void explodedArrayIsCommaJoinedToo() {
      assertThat(header(true, ARRAY)).isEqualTo("blue,black,brown");
    }

    @Test
    void objectIsKeysAndValuesCommaJoined() {
      assertThat(header(false, OBJECT)).isEqualTo("R,100,G,200,B,150");
    }

    @Test
    void explodedObjectIsKeyEqualsValueCommaJoined() {
      assertThat(header(true, OBJECT)).isEqualTo("R=100,G=200,B=150");
    }
  }

  @Nested
  class Cookie {
    @Test
    void stringIsNameEqualsValue() {
      assertThat(cookie(true, STRING)).containsExactly("color=blue");
    }

    @Test
    void nonExplodedArrayIsOneCookieWithCommaJoinedValues() {
      assertThat(cookie(false, ARRAY)).containsExactly("color=blue,black,brown");
    }

    @Test
    void nonExplodedObjectIsOneCookieWithKeysAndValuesCommaJoined() {
      assertThat(cookie(false, OBJECT)).containsExactly("color=R,100,G,200,B,150");
    }

    @Test
    void explodedArrayRepeatsTheCookie() {
      assertThat(cookie(true, ARRAY)).containsExactly("color=blue", "color=black", "color=brown");
    }
  }
}
