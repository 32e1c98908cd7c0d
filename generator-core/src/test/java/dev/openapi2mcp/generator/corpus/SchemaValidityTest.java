package dev.openapi2mcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus test's schema check finds what it claims to find (so a passing corpus run means something). */
class SchemaValidityTest {
  private final SchemaValidity validity = new SchemaValidity();

  @Test
  void aClosedObjectSchemaWithLocalRefsAndTypeUnionsIsValid() {
    assertThat(validity.problems("""
        {"type":"object","properties":{"tags":{"type":"array","items":{"$ref":"#/$defs/Tag"}},
         "note":{"type":["string","null"],"examples":["x"]},"n":{"type":"number","exclusiveMinimum":0}},
         "required":["tags"],"additionalProperties":false,
         "$defs":{"Tag":{"type":"object","properties":{"child":{"$ref":"#/$defs/Tag"}}}}}
        """)).isEmpty();
  }

  @Test
  void aSchemaTheMetaSchemaRejectsIsReported() {
    List<String> problems = validity.problems("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"strnig\"}}}");
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("not valid against the 2020-12 meta-schema"));
  }

  @Test
  void aBooleanExclusiveBoundIsReported() {
    assertThat(validity.problems(
        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"number\",\"minimum\":0,\"exclusiveMinimum\":true}}}"))
        .contains("non-numeric exclusiveMinimum at /properties/n/exclusiveMinimum");
  }

  @Test
  void anArrayWithoutItemsIsReportedWithItsLocation() {
    assertThat(validity.problems("{\"type\":\"object\",\"properties\":{\"list\":{\"type\":[\"array\",\"null\"]}}}"))
        .containsExactly("array without items at /properties/list");
  }

  @Test
  void aRefThatDoesNotResolveIsReported() {
    assertThat(validity.problems(
        "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/Missing\"}},\"$defs\":{}}"))
        .contains("$ref '#/$defs/Missing' at /properties/a/$ref does not resolve");
  }

  @Test
  void aRemoteRefIsReported() {
    assertThat(validity.problems(
        "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"https://example.com/s.json\"}}}"))
        .contains("non-local $ref 'https://example.com/s.json' at /properties/a/$ref");
  }

  @Test
  void openApiKeywordsLeftInTheSchemaAreReported() {
    assertThat(validity.problems(
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"nullable\":true,\"example\":\"x\"}}}"))
        .contains("OpenAPI-only keyword at /properties/a/nullable", "OpenAPI-only keyword at /properties/a/example");
  }

  @Test
  void aRootThatIsNotAnObjectSchemaIsReported() {
    assertThat(validity.problems("{\"type\":\"string\"}")).contains("the root is not {\"type\": \"object\", ...}");
  }
}
