package dev.openapi2mcp.generator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: {@code $ref}s that lead back to themselves through nothing but references are errors at each member's
 * {@code $ref}, with the cycle; before, swagger-parser dropped such a parameter, body or path item without a word
 * and kept such a schema as JSON Schema that refers to itself forever. Recursion through real content still
 * generates, and a cycle or chain of any length is found in time proportional to it.
 */
class RefCycleTest {
  private static final String HEAD = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private GeneratorConfig config(Path spec) {
    return new GeneratorConfig(spec.toString(), dir.resolve("out"), Specs.PACKAGE, "cycles");
  }

  private List<Diagnostic> errors(Path spec) {
    GenerationException e = catchThrowableOfType(GenerationException.class, () -> Generator.run(config(spec)));
    assertThat(e).as("the run fails").isNotNull();
    assertThat(dir.resolve("out")).doesNotExist();
    return e.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
  }

  private static String cycleAt(String pointer, String chain) {
    return pointer + ": $ref cycle " + chain + ": the references lead back to themselves and define nothing";
  }

  @Test
  void everyKindOfSelfReferenceIsAnErrorAtItsRef() throws IOException {
    Path spec = write("cycles.yaml", HEAD + """
        paths:
          /x:
            post:
              operationId: postX
              parameters: [{$ref: '#/components/parameters/There'}]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Self'}}}}
              responses: {'200': {$ref: '#/components/responses/Loop'}}
          /item: {$ref: '#/paths/~1item'}
        components:
          schemas:
            Self: {$ref: '#/components/schemas/Self'}
          parameters:
            There: {$ref: '#/components/parameters/Back'}
            Back: {$ref: '#/components/parameters/There'}
          responses:
            Loop: {$ref: '#/components/responses/Loop'}
          examples:
            Data: {value: {$ref: '#/components/examples/Data'}}
        """);

    assertThat(errors(spec)).extracting(d -> d.pointer() + ": " + d.message()).containsExactlyInAnyOrder(
        cycleAt("/paths/~1item/$ref", "#/paths/~1item -> #/paths/~1item"),
        cycleAt("/components/schemas/Self/$ref", "#/components/schemas/Self -> #/components/schemas/Self"),
        cycleAt("/components/parameters/There/$ref",
            "#/components/parameters/There -> #/components/parameters/Back -> #/components/parameters/There"),
        cycleAt("/components/parameters/Back/$ref",
            "#/components/parameters/Back -> #/components/parameters/There -> #/components/parameters/Back"),
        cycleAt("/components/responses/Loop/$ref", "#/components/responses/Loop -> #/components/responses/Loop"));
  }

  @Test
  void recursionThroughContentStillGenerates() throws Exception {
    Path spec = write("recursive.yaml", HEAD + """
        paths:
          /x:
            post:
              operationId: postX
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}
              responses: {'200': {description: ok}}
        components:
          schemas:
            A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
            B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}
        """);

    GeneratedServer server = GeneratedServer.of(config(spec));

    assertThat(server.property("postX", "b")).isEqualTo("{\"$ref\":\"#/$defs/B\"}");
  }

  /** A JSON description whose schema {@code S0} refers to {@code S1} and so on; the last one as given. */
  private Path chain(int length, String last) throws IOException {
    StringBuilder json = new StringBuilder("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
        + "\"paths\":{\"/x\":{\"post\":{\"operationId\":\"postX\",\"requestBody\":{\"content\":{\"application/json\":"
        + "{\"schema\":{\"$ref\":\"#/components/schemas/S0\"}}}},\"responses\":{\"200\":{\"description\":\"ok\"}}}}},"
        + "\"components\":{\"schemas\":{");
    for (int i = 0; i < length - 1; i++) {
      json.append("\"S").append(i).append("\":{\"$ref\":\"#/components/schemas/S").append(i + 1).append("\"},");
    }
    json.append("\"S").append(length - 1).append("\":").append(last).append("}}}");
    return write("chain.json", json.toString());
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLongCycleIsFoundOnceWithEachMemberAndItsChainCutShort() throws IOException {
    List<Diagnostic> errors = errors(chain(20_000, "{\"$ref\":\"#/components/schemas/S0\"}"));

    assertThat(errors).hasSize(20_000);
    assertThat(errors.get(0).message()).isEqualTo("$ref cycle #/components/schemas/S0 -> #/components/schemas/S1 ->"
        + " #/components/schemas/S2 -> #/components/schemas/S3 -> #/components/schemas/S4 -> #/components/schemas/S5"
        + " -> #/components/schemas/S6 -> ...: the references lead back to themselves and define nothing");
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLongChainThatEndsInASchemaIsNoCycle() throws Exception {
    Path spec = chain(20_000, "{\"type\":\"string\"}");

    assertThat(RefCycles.find(DocumentLimits.readTree(spec))).isEmpty();
  }
}
