package dev.openapi2mcp.generator.description;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default description template on a small hand-made spec (issue 4, item 4): what a call returns and no
 * per-argument hints, as the tools/list answer carries them; the notable errors only with a template that asks for
 * them (issue 6: a failed call reports its status and the API's message when it happens).
 */
class DefaultTemplateTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: "1"}
      servers: [{url: "https://shop.example.com"}]
      paths:
        /orders/{id}:
          get:
            operationId: getOrder
            summary: Find an order
            parameters:
              - {name: id, in: path, required: true, description: The order's number, schema: {type: integer}}
            responses:
              "200":
                description: successful operation
                content: {application/json: {schema: {$ref: "#/components/schemas/Order"}}}
              "404": {$ref: "#/components/responses/NoOrder"}
              "400": {description: "The id is not a number. It must be a positive integer."}
              "401": {description: Unauthorized}
              "4XX": {description: Some other client error}
              "500": {description: Server trouble}
        /orders:
          get:
            operationId: listOrders
            summary: List the orders
            responses:
              "200":
                description: The orders, newest first
                content:
                  application/json:
                    schema: {type: array, items: {$ref: "#/components/schemas/Order"}}
          delete:
            operationId: purgeOrders
            summary: Remove every order
            responses:
              "204": {description: purged}
        /totals:
          get:
            operationId: totals
            summary: Count orders by state
            responses:
              "200":
                description: OK
                content:
                  application/json:
                    schema: {type: object, additionalProperties: {type: integer}}
        /customers/{id}:
          get:
            operationId: getCustomer
            summary: Find a customer
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            responses:
              "200":
                description: Response
                content:
                  application/json:
                    schema:
                      allOf:
                        - $ref: "#/components/schemas/Named"
                        - {type: object, properties: {a: {type: string}, b: {type: string}, c: {type: string},
                             d: {type: string}, e: {type: string}, f: {type: string}}}
      components:
        responses:
          NoOrder: {description: No order has this id}
        schemas:
          Order:
            type: object
            properties: {id: {type: integer}, state: {type: string}}
          Named:
            type: object
            properties: {name: {type: string}}
      """;

  /** The errors section docs/customization.md gives, to put back into the default template. */
  private static final String ERRORS_SECTION = """
      {{#errors}}
      Error {{status}}: {{description}}
      {{/errors}}
      """;

  private static Map<String, String> descriptions;
  private static Map<String, String> withErrors;

  @BeforeAll
  static void generate(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("shop.yaml");
    Files.writeString(spec, SPEC);
    descriptions = descriptions(new GeneratorConfig(spec.toString(), dir.resolve("out"), Specs.PACKAGE, "shop"));
    Path template = dir.resolve("with-errors.txt");
    Files.writeString(template, defaultTemplate() + ERRORS_SECTION);
    withErrors = descriptions(new GeneratorConfig(spec.toString(), dir.resolve("out2"), Specs.PACKAGE, "shop",
        template, GeneratorConfig.DEFAULT_MAX_TOOL_NAME_LENGTH));
  }

  private static String defaultTemplate() throws Exception {
    try (var in = DefaultTemplateTest.class.getClassLoader().getResourceAsStream(TemplateLoader.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> descriptions(GeneratorConfig config) throws Exception {
    String json = Generator.lint(config).lint().toolsListJson();
    Map<String, String> texts = new LinkedHashMap<>();
    for (JsonNode tool : new ObjectMapper().readTree(json).get("tools")) {
      texts.put(tool.get("name").asText(), tool.get("description").asText());
    }
    return texts;
  }

  @Test
  void saysWhatAnObjectResponseIsAndLeavesErrorsOut() {
    // "successful operation" says nothing; the documented errors come back at call time, when they happen.
    assertThat(descriptions.get("getOrder")).isEqualTo("""
        Find an order

        Returns: Order (id, state).""");
  }

  @Test
  void theErrorsSectionListsTheNotableErrorsInStatusOrder() {
    // 401 "Unauthorized" is only the status's name; 500 is no client error; a long description keeps its first
    // sentence; a $ref'd response is resolved.
    assertThat(withErrors.get("getOrder")).isEqualTo("""
        Find an order

        Returns: Order (id, state).
        Error 400: The id is not a number.
        Error 404: No order has this id
        Error 4XX: Some other client error""");
    assertThat(withErrors.get("listOrders")).isEqualTo(descriptions.get("listOrders"));
  }

  @Test
  void namesTheItemTypeOfAnArrayAndKeepsAResponseDescriptionThatSaysSomething() {
    assertThat(descriptions.get("listOrders")).isEqualTo("""
        List the orders

        Returns: array of Order (id, state). The orders, newest first""");
  }

  @Test
  void saysNothingAboutReturnsWithoutAJsonResponse() {
    assertThat(descriptions.get("purgeOrders")).isEqualTo("Remove every order");
  }

  @Test
  void namesTheValueTypeOfAMap() {
    assertThat(descriptions.get("totals")).isEqualTo("Count orders by state\n\nReturns: map of integer.");
  }

  @Test
  void mergesAllOfPartsAndNamesAtMostSixFields() {
    assertThat(descriptions.get("getCustomer"))
        .isEqualTo("Find a customer\n\nReturns: object (name, a, b, c, d, e and 1 more).");
  }

  @Test
  void carriesNoArgumentHintsSinceTheInputSchemaHasThem() {
    // The argument's description is in the input schema the model reads; the description does not repeat it.
    assertThat(descriptions.get("getOrder")).doesNotContain("order's number");
  }
}
