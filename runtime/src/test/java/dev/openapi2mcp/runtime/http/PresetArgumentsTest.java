package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fixed and default argument values of a tool definition reach the upstream request (issue 4, item 5: the
 * overrides file's {@code value} and {@code default}).
 */
class PresetArgumentsTest {
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{"
      + "\"petId\":{\"type\":\"integer\"},\"limit\":{\"type\":\"integer\",\"default\":20},"
      + "\"name\":{\"type\":\"string\"}},\"required\":[\"petId\"],\"additionalProperties\":false}";

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  /** orgId (path), limit (query), source (header) and the body's channel are not the model's to choose freely. */
  private static ToolDefinition tool() {
    return ToolDefinition.builder("renamePet")
        .inputSchema(SCHEMA)
        .http("PUT", "/orgs/{orgId}/pets/{petId}")
        .parameter(ParameterBinding.path("orgId", "orgId"))
        .parameter(ParameterBinding.path("petId", "petId"))
        .parameter(ParameterBinding.query("limit", "limit", false))
        .parameter(ParameterBinding.header("source", "X-Source", false))
        .body(RequestBody.flattened("application/json", true, "name", "name", "channel", "channel"))
        .fixedArgument("orgId", "\"acme corp\"")
        .fixedArgument("source", "\"mcp\"")
        .fixedArgument("channel", "{\"id\":7,\"tags\":[\"a\"]}")
        .defaultArgument("limit", "20")
        .build();
  }

  @Test
  void fixedValuesAndDefaultsAreSentWhenTheCallLeavesThemOut() throws Exception {
    RecordedRequest request = harness.send(tool(), "{\"petId\":5,\"name\":\"Rex\"}");

    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/orgs/acme%20corp/pets/5");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("20");
    assertThat(request.getHeaders().get("X-Source")).isEqualTo("mcp");
    assertThat(Harness.JSON.readTree(request.getBody().utf8()))
        .isEqualTo(Harness.args("{\"name\":\"Rex\",\"channel\":{\"id\":7,\"tags\":[\"a\"]}}"));
  }

  @Test
  void aGivenArgumentWinsOverItsDefault() {
    RecordedRequest request = harness.send(tool(), "{\"petId\":5,\"limit\":3}");

    assertThat(request.getUrl().queryParameterValues("limit")).containsExactly("3");
  }

  @Test
  void aCallerCannotSetAFixedArgumentItIsUnknownAndNothingIsSent() {
    ToolResult result = harness.call(tool(), "{\"petId\":5,\"orgId\":\"evil\"}");

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("unknown argument 'orgId'");
    assertThat(harness.server.getRequestCount()).isZero();
  }

  @Test
  void theAuditLineShowsTheArgumentsAsTheCallerSentThem() {
    harness.send(tool(), "{\"petId\":5}");

    assertThat(harness.singleAudit().get("arguments")).isEqualTo(Harness.args("{\"petId\":5}"));
  }

  @Test
  void presetValuesMustBeJsonAndAnArgumentCannotHaveBoth() {
    assertThatThrownBy(() -> ToolDefinition.builder("t").http("GET", "/x").fixedArgument("orgId", "acme").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the fixed value of argument 'orgId' of tool 't' is not JSON");
    assertThatThrownBy(() -> ToolDefinition.builder("t").http("GET", "/x").defaultArgument("limit", "1 2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the default value of argument 'limit' of tool 't' is not JSON");
    assertThatThrownBy(() -> ToolDefinition.builder("t").http("GET", "/x").fixedArgument("a", "1").defaultArgument("a", "2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("argument 'a' of tool 't' has both a fixed and a default value");
  }

  @Test
  void aDefinitionWithoutPresetsKeepsItsArgumentsAsGiven() {
    ToolDefinition plain = ToolDefinition.builder("t").http("GET", "/x").build();

    assertThat(plain.fixedArguments()).isEmpty();
    assertThat(plain.defaultArguments()).isEmpty();
  }
}
