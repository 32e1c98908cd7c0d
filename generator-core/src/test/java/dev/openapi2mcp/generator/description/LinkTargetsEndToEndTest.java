package dev.openapi2mcp.generator.description;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.generator.tool.ListingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: every text of the spec that reaches {@code tools/list} loses its link targets and keeps its link text:
 * the title, the tool description (summary, description, response and error texts), parameter descriptions, body property
 * descriptions (through the schema converter, also inside components) and output schema descriptions.
 */
class LinkTargetsEndToEndTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Links, version: "1"}
      servers: [{url: "https://links.example.com"}]
      paths:
        /repos/{owner}:
          post:
            operationId: createRepo
            summary: Create a [repository](https://docs.example.com/repos)
            description: "Needs the `repo` scope. See [scopes](https://docs.example.com/scopes#repo)."
            parameters:
              - name: owner
                in: path
                required: true
                description: "The account owner. See [accounts](/rest/accounts)."
                schema: {type: string}
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/NewRepo"}
            responses:
              "201":
                description: "Created, as [documented](https://docs.example.com/created)"
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        url: {type: string, description: "Where the [repository](https://docs.example.com/r) is"}
              "422": {description: "The name is taken; see [naming rules](https://docs.example.com/names)."}
      components:
        schemas:
          NewRepo:
            type: object
            required: [name]
            properties:
              name: {type: string, description: "Its name; [allowed characters](https://docs.example.com/chars) only."}
              template: {type: string, description: "Copy from `[owner]/[repo]`, kept as code."}
      """;

  private static JsonNode tool;

  @BeforeAll
  static void generate(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("links.yaml");
    Files.writeString(spec, SPEC);
    // Everything issue 6 leaves out by default is kept here, so that each text shows what link stripping does.
    String json = Generator.lint(new GeneratorConfig(spec.toString(), dir.resolve("out"), Specs.PACKAGE, "links")
        .withOutputSchemaMaxBytes(Integer.MAX_VALUE).withListing(ListingOptions.KEEP_ALL)).lint().toolsListJson();
    tool = new ObjectMapper().readTree(json).get("tools").get(0);
  }

  @Test
  void theToolDescriptionKeepsEveryLinkTextAndNoTarget() {
    // A title is shown as plain text: it loses the target too, and matches the description's first line.
    assertThat(tool.get("title").asText()).isEqualTo("Create a repository");
    assertThat(tool.get("description").asText()).isEqualTo("""
        Create a repository

        Needs the `repo` scope. See scopes.

        Returns: object (url). Created, as documented""");
  }

  @Test
  void argumentAndSchemaDescriptionsKeepTheirLinkTextAndCode() {
    JsonNode properties = tool.at("/inputSchema/properties");
    assertThat(properties.at("/owner/description").asText()).isEqualTo("The account owner. See accounts.");
    assertThat(properties.at("/name/description").asText()).isEqualTo("Its name; allowed characters only.");
    assertThat(properties.at("/template/description").asText())
        .isEqualTo("Copy from `[owner]/[repo]`, kept as code.");
    assertThat(tool.at("/outputSchema/properties/url/description").asText()).isEqualTo("Where the repository is");
    assertThat(tool.toString()).doesNotContain("docs.example.com", "/rest/accounts");
  }
}
