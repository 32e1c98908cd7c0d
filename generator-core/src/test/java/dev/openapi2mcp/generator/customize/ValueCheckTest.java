package dev.openapi2mcp.generator.customize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Fixed and default values against the argument's schema: type and enum only (issue 4, item 2). */
class ValueCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String problem(String schema, String value) throws Exception {
    return ValueCheck.problem(JSON.readTree(schema), JSON.readTree(value));
  }

  @Test
  void typesOfBothDialects() throws Exception {
    assertThat(problem("{\"type\":\"integer\"}", "20")).isNull();
    assertThat(problem("{\"type\":\"integer\"}", "20.0")).isNull();
    assertThat(problem("{\"type\":\"integer\"}", "20.5")).isEqualTo("20.5 is not an integer");
    assertThat(problem("{\"type\":\"number\"}", "20.5")).isNull();
    assertThat(problem("{\"type\":\"boolean\"}", "\"true\"")).isEqualTo("\"true\" is not a boolean");
    assertThat(problem("{\"type\":[\"string\",\"null\"]}", "null")).isNull();
    assertThat(problem("{\"type\":[\"string\",\"integer\"]}", "[1]"))
        .isEqualTo("[1] is not a string or an integer");
    assertThat(problem("{\"type\":\"array\"}", "{}")).isEqualTo("{} is not an array");
  }

  @Test
  void nullableOfOpenApi30AllowsNull() throws Exception {
    assertThat(problem("{\"type\":\"string\",\"nullable\":true}", "null")).isNull();
    assertThat(problem("{\"type\":\"string\"}", "null")).isEqualTo("null is not a string");
    assertThat(problem("{\"type\":\"string\",\"enum\":[\"a\"],\"nullable\":true}", "null")).isNull();
  }

  @Test
  void enumsCompareNumbersByValue() throws Exception {
    assertThat(problem("{\"type\":\"integer\",\"enum\":[10,20]}", "20.0")).isNull();
    assertThat(problem("{\"type\":\"integer\",\"enum\":[10,20]}", "30")).isEqualTo("30 is not one of [10,20]");
    assertThat(problem("{\"enum\":[\"a\",\"b\"]}", "\"c\"")).isEqualTo("\"c\" is not one of [\"a\",\"b\"]");
  }

  @Test
  void aSchemaWithoutTypeOrEnumAcceptsAnything() throws Exception {
    JsonNode anything = JSON.readTree("{\"anyOf\":[{\"type\":\"string\"}]}");

    assertThat(ValueCheck.problem(anything, JSON.readTree("[1,2]"))).isNull();
    assertThat(ValueCheck.problem(null, JSON.readTree("1"))).isNull();
    assertThat(problem("{\"type\":\"uuid-ish\"}", "1")).isNull();
  }
}
