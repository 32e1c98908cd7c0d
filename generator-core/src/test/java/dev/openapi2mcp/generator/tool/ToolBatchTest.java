package dev.openapi2mcp.generator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.customize.CustomizedOperation;
import dev.openapi2mcp.generator.customize.ToolSettings;
import dev.openapi2mcp.generator.description.DescriptionComposer;
import dev.openapi2mcp.generator.description.TemplateLoader;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.model.ApiModel;
import dev.openapi2mcp.generator.model.ApiModelBuilder;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.generator.schema.ComponentSchemas;
import dev.openapi2mcp.generator.schema.Direction;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.schema.SchemaConverter;
import dev.openapi2mcp.generator.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: building the tools in slices on several threads gives what one slice on one thread gives — the same
 * tools in the same order, the same diagnostics in the same order (including a shared component's warning, found
 * by every slice, once), the same budget cuts and left-out output schemas.
 */
class ToolBatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int OPERATIONS = 420;

  @TempDir
  Path dir;

  @Test
  void slicesOnSeveralThreadsGiveWhatOneSliceGives() throws Exception {
    Path spec = writeSpec();
    Run one = run(spec, 1);
    Run four = run(spec, 4);

    assertThat(one.batch().tools()).hasSize(OPERATIONS);
    assertThat(four.batch().tools()).isEqualTo(one.batch().tools());
    assertThat(four.diagnostics()).isEqualTo(one.diagnostics());
    assertThat(four.batch().budgetCuts()).isEqualTo(one.batch().budgetCuts());
    assertThat(four.batch().outputSchemasLeftOut()).isEqualTo(one.batch().outputSchemasLeftOut());

    // The spec was made so that each of these is exercised, not merely equal because empty.
    assertThat(one.diagnostics()).filteredOn(d -> d.message().contains("\"[unclosed\" is not a regular expression"))
        .hasSize(1);
    assertThat(one.diagnostics()).filteredOn(d -> d.message().startsWith("input schema of tool")).hasSize(2);
    assertThat(one.batch().budgetCuts()).containsOnlyKeys("bulky_0", "bulky_1");
    assertThat(one.batch().outputSchemasLeftOut()).hasSize(OPERATIONS / 2);
    assertThat(one.batch().tools().stream().map(ToolModel::name).toList().subList(0, 3))
        .containsExactly("bulky_0", "bulky_1", "get_item_2");
  }

  @Test
  void smallApisStayOnOneSliceAndLargeOnesUseTheCores() {
    assertThat(ToolBatch.slices(0, 8)).isEqualTo(1);
    assertThat(ToolBatch.slices(ToolBatch.MIN_SLICE * 2 - 1, 8)).isEqualTo(1);
    assertThat(ToolBatch.slices(ToolBatch.MIN_SLICE * 2, 8)).isEqualTo(2);
    assertThat(ToolBatch.slices(1223, 2)).isEqualTo(2);
    assertThat(ToolBatch.slices(1223, 1)).isEqualTo(1);
  }

  private record Run(ToolBatch batch, List<Diagnostic> diagnostics) {}

  private Run run(Path spec, int slices) throws Exception {
    Diagnostics diagnostics = new Diagnostics(spec.toString());
    ApiModel api = ApiModelBuilder.build(SpecLoader.load(spec.toString(), diagnostics), Map.of(), null, diagnostics);
    List<CustomizedOperation> operations = api.operations().stream()
        .map(operation -> new CustomizedOperation(operation, ToolSettings.NONE)).toList();
    NamingStrategy naming = new NamingStrategy(64);
    ComponentSchemas components = new ComponentSchemas(api.componentSchemas());
    DescriptionComposer composer = new DescriptionComposer(TemplateLoader.load(null, diagnostics), components);
    Function<Diagnostics, ToolModelFactory> factories = buffer -> new ToolModelFactory(naming,
        new SchemaConverter(components, api.openApi31(), Direction.INPUT, buffer),
        new SchemaConverter(components, api.openApi31(), Direction.OUTPUT, buffer),
        composer, FileParts.BASE64, new SchemaBudget(8, 3_000), buffer, 200);
    ToolBatch batch = ToolBatch.build(operations, naming, factories, diagnostics, slices);
    return new Run(batch, diagnostics.all());
  }

  /**
   * Operations whose responses use a component with a broken pattern (every second one, a response too large to
   * keep), two of them with a request body over the budget.
   */
  private Path writeSpec() throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("openapi", "3.0.3");
    root.putObject("info").put("title", "Batch").put("version", "1");
    root.putArray("servers").addObject().put("url", "https://api.example.com");
    ObjectNode schemas = root.putObject("components").putObject("schemas");
    ObjectNode item = schemas.putObject("Item").put("type", "object");
    ObjectNode properties = item.putObject("properties");
    for (int p = 0; p < 12; p++) {
      properties.putObject("field" + p).put("type", "string").put("description", "Field number " + p + ".");
    }
    ((ObjectNode) properties.get("field0")).put("pattern", "[unclosed");
    ObjectNode paths = root.putObject("paths");
    for (int i = 0; i < OPERATIONS; i++) {
      ObjectNode operation = paths.putObject("/items/" + i + "/{id}").putObject(i < 2 ? "post" : "get");
      operation.put("operationId", i < 2 ? "bulky_" + i : "get_item_" + i);
      operation.put("summary", "Item " + i);
      operation.putArray("parameters").addObject().put("name", "id").put("in", "path").put("required", true)
          .putObject("schema").put("type", "string");
      if (i < 2) {
        ObjectNode body = operation.putObject("requestBody").putObject("content").putObject("application/json")
            .putObject("schema").put("type", "object");
        ObjectNode bodyProperties = body.putObject("properties").putObject("payload").put("type", "object")
            .putObject("properties");
        for (int p = 0; p < 80; p++) {
          bodyProperties.putObject("p" + p).put("type", "string")
              .put("description", "A long description that makes the body exceed the budget, number " + p + ".");
        }
      }
      ObjectNode response = operation.putObject("responses").putObject("200").put("description", "OK")
          .putObject("content").putObject("application/json");
      response.putObject("schema").put("$ref", i % 2 == 0 ? "#/components/schemas/Item" : "#/components/schemas/Tiny");
    }
    schemas.putObject("Tiny").put("type", "object").putObject("properties").putObject("a").put("type", "string");
    Path spec = dir.resolve("batch.json");
    Files.writeString(spec, JSON.writeValueAsString(root));
    return spec;
  }
}
