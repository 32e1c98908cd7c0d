package dev.openapi2mcp.generator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ParserMessageLocatorTest {
  private static final JsonNode DOCUMENT;

  static {
    try {
      DOCUMENT = new ObjectMapper().readTree("{\"info\":{\"title\":\"t\"},\"paths\":{\"/pet/{id}\":{\"get\":{"
          + "\"operationId\":\"getPet\",\"parameters\":[{\"name\":\"a\"},{\"name\":\"b\",\"in\":\"x\"}]}}},"
          + "\"components\":{\"schemas\":{\"com.example.Pet\":{\"required\":\"no\"}}}}");
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ParserMessageLocator located = new ParserMessageLocator(DOCUMENT);
  private final ParserMessageLocator blind = new ParserMessageLocator(null);

  @Test
  void quotedPathsAndMethodsBecomePointerTokens() {
    String message = "attribute paths.'/pet/{id}'(get).parameters.[b].in is not of type `[query]`";
    assertThat(located.pointer(message)).isEqualTo("/paths/~1pet~1{id}/get/parameters/1/in");
    assertThat(located.operationId(located.pointer(message))).isEqualTo("getPet");
    // Without the document, the parameter's index is unknown, so the pointer stops before it.
    assertThat(blind.pointer(message)).isEqualTo("/paths/~1pet~1{id}/get/parameters");
  }

  @Test
  void dottedNamesAreMatchedAgainstTheDocument() {
    assertThat(located.pointer("attribute components.schemas.com.example.Pet.required is not of type `array`"))
        .isEqualTo("/components/schemas/com.example.Pet/required");
  }

  @Test
  void aMissingAttributePointsAtItsParent() {
    assertThat(located.pointer("attribute info.version is missing")).isEqualTo("/info");
    assertThat(located.pointer("attribute paths.'/pet/{id}'(get).responses is missing"))
        .isEqualTo("/paths/~1pet~1{id}/get");
  }

  @Test
  void messagesWithoutALocationGiveNoPointer() {
    assertThat(located.pointer("attribute openapi is missing")).isNull();
    assertThat(located.pointer("Unable to read location")).isNull();
    assertThat(located.operationId(null)).isNull();
  }
}
