package dev.openapi2mcp.generator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fidelity harness's second referee for JSON bodies (issue 3, item 9): the spec's own schema decides. */
class SpecBodyCheckTest {
  private static final String SPEC = """
      {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
       "paths": {"/pets/{id}": {"put": {
         "requestBody": {"$ref": "#/components/requestBodies/Pet"},
         "responses": {"200": {"description": "OK"}}}}},
       "components": {
         "requestBodies": {"Pet": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}},
         "schemas": {"Pet": {"type": "object", "required": ["name"],
           "properties": {"name": {"type": "string"}, "born": {"type": "string", "format": "date"},
                          "tag": {"type": "string", "nullable": true}}}}}}""";

  @TempDir Path temp;

  private List<String> problems(String body) throws Exception {
    Path spec = Files.writeString(temp.resolve("spec.json"), SPEC);
    ToolDefinition tool = ToolDefinition.builder("put").http("PUT", "/pets/{id}")
        .body(RequestBody.whole("application/json", true, "body")).build();
    Exchange exchange = new Exchange("PUT", "/pets/1", List.of("Content-Type: application/json"),
        body.getBytes(StandardCharsets.UTF_8), 200, List.of(), new byte[0]);
    return new SpecBodyCheck(spec).problems(tool, exchange);
  }

  @Test
  void aBodyThatMatchesTheSpecHasNoProblems() throws Exception {
    assertThat(problems("{\"name\":\"Rex\",\"born\":\"2020-01-31\",\"tag\":null}")).isEmpty();
  }

  @Test
  void aMissingRequiredPropertyIsFound() throws Exception {
    assertThat(problems("{\"born\":\"2020-01-31\"}")).singleElement().asString().contains("name");
  }

  @Test
  void aBrokenFormatIsFound() throws Exception {
    assertThat(problems("{\"name\":\"Rex\",\"born\":\"yesterday\"}")).singleElement().asString().contains("born");
  }
}
