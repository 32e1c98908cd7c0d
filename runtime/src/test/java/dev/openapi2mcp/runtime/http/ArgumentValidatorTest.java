package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgumentValidatorTest {
  private static final String PET_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "petId": {"type": "integer"},
          "name": {"type": "string"},
          "weight": {"type": "number"},
          "nickname": {"type": ["string", "null"]},
          "legacy": {"type": "string", "nullable": true},
          "status": {"type": "string", "enum": ["available", "pending", "sold"]},
          "kind": {"const": "pet"},
          "tags": {"type": "array", "items": {"type": "string"}},
          "owner": {"$ref": "#/$defs/Owner"},
          "family": {"$ref": "#/$defs/Node"},
          "extras": {"type": "object", "additionalProperties": {"type": "integer"}},
          "when": {"type": "string", "format": "date-time", "minLength": 100},
          "idOrName": {"anyOf": [{"type": "integer"}, {"type": "string", "enum": ["a", "b"]}]},
          "both": {"allOf": [{"type": "object", "required": ["x"]}, {"required": ["y"]}]}
        },
        "required": ["petId", "name"],
        "additionalProperties": false,
        "$defs": {
          "Owner": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "email": {"type": "string"}},
            "required": ["id"],
            "additionalProperties": false
          },
          "Node": {
            "type": "object",
            "properties": {
              "name": {"type": "string"},
              "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}
            }
          }
        }
      }
      """;

  private final ArgumentValidator validator = new ArgumentValidator();
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ToolDefinition tool(String schema) {
    return ToolDefinition.builder("updatePet")
        .inputSchema(schema)
        .http("GET", "/pet/{petId}")
        .parameter(ParameterBinding.path("petId", "petId"))
        .parameter(ParameterBinding.query("name", "name", true))
        .build();
  }

  private List<String> problems(String arguments) {
    return validator.validate(tool(PET_SCHEMA), Harness.args(arguments));
  }

  @Test
  void validArgumentsHaveNoProblems() {
    assertThat(problems("""
        {"petId": 1, "name": "Rex", "weight": 2, "nickname": null, "legacy": null, "status": "sold", "kind": "pet",
         "tags": ["a"], "owner": {"id": 3.0}, "family": {"name": "a", "children": [{"children": [{"name": "c"}]}]},
         "extras": {"n": 1}, "when": "short", "idOrName": "b", "both": {"x": 1, "y": 2}}
        """)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"name":"Rex"}                                  | missing required argument 'petId'
      {"petId":"abc","name":"Rex"}                    | petId: expected integer, got string "abc"
      {"petId":1.5,"name":"Rex"}                      | petId: expected integer, got number 1.5
      {"petId":1,"name":7}                            | name: expected string, got integer 7
      {"petId":1,"name":"Rex","weight":"heavy"}       | weight: expected number, got string "heavy"
      {"petId":1,"name":"Rex","nickname":5}           | nickname: expected string or null, got integer 5
      {"petId":1,"name":"Rex","legacy":false}         | legacy: expected string or null, got boolean false
      {"petId":1,"name":null}                         | name: expected string, got null
      {"petId":1,"name":"Rex","status":"lost"}        | status: expected one of "available", "pending", "sold", got string "lost"
      {"petId":1,"name":"Rex","kind":"cat"}           | kind: expected "pet", got string "cat"
      {"petId":1,"name":"Rex","tags":["a",2]}         | tags[1]: expected string, got integer 2
      {"petId":1,"name":"Rex","tags":"a"}             | tags: expected array, got string "a"
      {"petId":1,"name":"Rex","owner":{"email":"x"}}  | owner: missing required property 'id'
      {"petId":1,"name":"Rex","owner":{"id":1,"x":2}} | owner: unknown property 'x' (known: id, email)
      {"petId":1,"name":"Rex","owner":[]}             | owner: expected object, got array
      {"petId":1,"name":"Rex","extras":{"n":"1"}}     | extras.n: expected integer, got string "1"
      {"petId":1,"name":"Rex","colour":"red"}         | unknown argument 'colour' (known: petId, name, weight, nickname, legacy, status, kind, tags, owner, family, extras, when, idOrName, both)
      {"petId":1,"name":"Rex","both":{"x":1}}         | both: missing required property 'y'
      """)
  void eachRuleReportsTheArgumentPath(String arguments, String expected) {
    assertThat(problems(arguments)).containsExactly(expected);
  }

  @Test
  void recursiveSchemasAreFollowedToAnyDepth() {
    assertThat(problems("""
        {"petId": 1, "name": "Rex",
         "family": {"children": [{"name": "a"}, {"children": [{"name": "b"}, {"name": 3}]}]}}
        """)).containsExactly("family.children[1].children[1].name: expected string, got integer 3");
  }

  @Test
  void alternativesReportWhyEachFailed() {
    assertThat(problems("{\"petId\":1,\"name\":\"Rex\",\"idOrName\":\"c\"}")).containsExactly(
        "idOrName: matches none of the 2 allowed alternatives (option 1: idOrName: expected integer, got string "
            + "\"c\"; option 2: idOrName: expected one of \"a\", \"b\", got string \"c\")");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(problems("{\"petId\":\"x\",\"status\":\"lost\",\"bogus\":1}")).containsExactlyInAnyOrder(
        "missing required argument 'name'",
        "petId: expected integer, got string \"x\"",
        "status: expected one of \"available\", \"pending\", \"sold\", got string \"lost\"",
        "unknown argument 'bogus' (known: petId, name, weight, nickname, legacy, status, kind, tags, owner, "
            + "family, extras, when, idOrName, both)");
  }

  @Test
  void referenceLoopsThatConsumeNoInputTerminate() {
    String loops = """
        {"$ref": "#/$defs/A",
         "$defs": {"A": {"allOf": [{"$ref": "#/$defs/B"}], "required": ["a"]},
                   "B": {"$ref": "#/$defs/A", "anyOf": [{"$ref": "#"}]}}}
        """;

    assertThat(validator.validate(tool(loops), Harness.args("{}"))).containsExactly("missing required argument 'a'");
    assertThat(validator.validate(tool(loops), Harness.args("{\"a\":1}"))).isEmpty();
  }

  @Test
  void unknownKeywordsAndUnresolvableReferencesNeverReject() {
    String lenient = """
        {"type": "object", "properties": {"a": {"$ref": "#/$defs/Missing"}, "b": {"$ref": "other.json#/x"},
         "c": {"type": "uuid"}, "d": {"pattern": "^x$", "maximum": 1}}}
        """;

    assertThat(validator.validate(tool(lenient), Harness.args("{\"a\":1,\"b\":2,\"c\":3,\"d\":\"y\"}"))).isEmpty();
  }

  @Test
  void patternPropertiesAreNotAdditional() {
    String schema = """
        {"type": "object", "properties": {"a": {}}, "patternProperties": {"^x-": {"type": "string"}},
         "additionalProperties": false}
        """;

    assertThat(validator.validate(tool(schema), Harness.args("{\"a\":1,\"x-trace\":\"t\"}"))).isEmpty();
    assertThat(validator.validate(tool(schema), Harness.args("{\"x-trace\":1,\"y\":1}"))).containsExactly(
        "x-trace: expected string, got integer 1", "unknown argument 'y' (known: a)");
  }

  @Test
  void aSchemaThatIsNotJsonIsADefinitionError() {
    assertThatThrownBy(() -> validator.validate(tool("{not json"), Harness.args("{}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inputSchema of tool 'updatePet' is not valid JSON");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"name":"Rex"}                             | missing required argument 'petId'
      {"petId":"abc","name":"Rex"}               | petId: expected integer, got string "abc"
      {"petId":1,"name":"Rex","status":"lost"}   | status: expected one of
      {"petId":1,"name":"Rex","tags":[1]}        | tags[0]: expected string, got integer 1
      {"petId":1,"name":"Rex","owner":{}}        | owner: missing required property 'id'
      {"petId":1,"name":"Rex","colour":"red"}    | unknown argument 'colour'
      {"petId":1.5,"name":"Rex"}                 | petId: expected integer, got number 1.5
      {"petId":1,"name":"Rex","nickname":5}      | nickname: expected string or null, got integer 5
      {"petId":1,"name":"Rex","kind":"cat"}      | kind: expected "pet", got string "cat"
      {"petId":1,"name":"Rex","extras":{"n":"1"}} | extras.n: expected integer, got string "1"
      {"petId":1,"name":"Rex","family":{"children":[{"name":1}]}} | family.children[0].name: expected string
      {"petId":1,"name":"Rex","idOrName":true}   | idOrName: matches none of the 2 allowed alternatives
      {"petId":1,"name":"Rex","both":{}}         | both: missing required property 'x'
      """)
  void invalidArgumentsAreAnErrorResultAndNoRequestIsSent(String arguments, String expected) {
    ToolResult result = harness.call(tool(PET_SCHEMA), arguments);

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result))
        .startsWith("Invalid arguments for tool 'updatePet' (no request was sent):\n- ")
        .contains(expected);
    assertThat(harness.server.getRequestCount()).isZero();
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("invalid_arguments");
    assertThat(harness.singleAudit().get("url").isNull()).isTrue();
  }

  @Test
  void anInvalidSchemaIsAnInternalErrorResultNotAnException() {
    ToolResult result = harness.call(tool("{not json"), "{\"petId\":1,\"name\":\"x\"}");

    assertThat(result.isError()).isTrue();
    // The reason is the operator's to read, in the server's log under this reference (issue 11).
    assertThat(Harness.text(result)).startsWith("Internal error of the openapi2mcp runtime in tool 'updatePet' "
        + "(error reference ");
    assertThat(harness.server.getRequestCount()).isZero();
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("internal_error");
  }

  /** Issue 3: an optional body's required properties become required once any of its arguments is given. */
  @Test
  void dependentRequiredAppliesOnlyOnceItsTriggerIsGiven() {
    String schema = """
        {"type": "object", "properties": {"client_id": {"type": "string"}, "scope": {"type": "integer"}},
         "dependentRequired": {"scope": ["client_id"]}, "additionalProperties": false}""";

    assertThat(validator.validate(tool(schema), Harness.args("{}"))).isEmpty();
    assertThat(validator.validate(tool(schema), Harness.args("{\"client_id\":\"a\",\"scope\":1}"))).isEmpty();
    assertThat(validator.validate(tool(schema), Harness.args("{\"scope\":1}")))
        .containsExactly("missing argument 'client_id', required when argument 'scope' is given");
  }
}
