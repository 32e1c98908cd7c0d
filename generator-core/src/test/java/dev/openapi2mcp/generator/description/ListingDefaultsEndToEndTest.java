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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: what {@code tools/list} leaves out by default (titles that repeat the description's first line,
 * sentences that only pointed at a link, output schemas, error lines), each measured on the listing lint builds,
 * which a test holds to the running server's; and that each setting brings its part back, and only its part.
 */
class ListingDefaultsEndToEndTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Repos, version: "1"}
      servers: [{url: "https://api.example.com"}]
      paths:
        /repos/{owner}:
          post:
            operationId: createRepo
            summary: Create a repository
            description: >-
              Needs the `repo` scope. For more information, see
              "[Scopes](https://docs.example.com/scopes)."
            parameters:
              - name: owner
                in: path
                required: true
                schema: {type: string}
                description: "The account owner. See [accounts](https://docs.example.com/accounts)."
            responses:
              "201":
                description: Created
                content:
                  application/json:
                    schema: {type: object, properties: {url: {type: string}}}
              "422": {description: "The name is taken."}
          get:
            operationId: getOwner
            summary: Owner
            description: Reads the owner's profile.
            x-mcp-title: The owner
            parameters:
              - {name: owner, in: path, required: true, schema: {type: string}, description: The owner.}
            responses:
              "200": {description: OK}
      """;

  private static JsonNode tool(Path dir, String name, GeneratorConfig config) throws Exception {
    String json = Generator.lint(config).lint().toolsListJson();
    for (JsonNode tool : new ObjectMapper().readTree(json).get("tools")) {
      if (tool.get("name").asText().equals(name)) {
        return tool;
      }
    }
    throw new AssertionError(name + " is not listed");
  }

  private static GeneratorConfig config(Path dir) throws Exception {
    Path spec = dir.resolve("repos.yaml");
    Files.writeString(spec, SPEC);
    return new GeneratorConfig(spec.toString(), dir.resolve("out"), Specs.PACKAGE, "repos");
  }

  @Test
  void byDefaultTheListingCarriesWhatTheModelCallsWith(@TempDir Path dir) throws Exception {
    JsonNode tool = tool(dir, "createRepo", config(dir));

    assertThat(tool.has("title")).as("title repeating the first line").isFalse();
    assertThat(tool.has("outputSchema")).isFalse();
    assertThat(tool.get("description").asText()).isEqualTo("""
        Create a repository

        Needs the `repo` scope.

        Returns: object (url).""");
    assertThat(tool.at("/inputSchema/properties/owner/description").asText()).isEqualTo("The account owner.");
    assertThat(tool.at("/inputSchema/required").toString()).isEqualTo("[\"owner\"]");
  }

  @Test
  void aChosenTitleOrOneThatSaysSomethingElseStays(@TempDir Path dir) throws Exception {
    assertThat(tool(dir, "getOwner", config(dir)).get("title").asText()).isEqualTo("The owner");
    Path spec = dir.resolve("other.yaml");
    Files.writeString(spec, SPEC.replace("x-mcp-title: The owner", "x-mcp-description: Reads the profile."));
    JsonNode described = tool(dir, "getOwner",
        new GeneratorConfig(spec.toString(), dir.resolve("o2"), Specs.PACKAGE, "repos"));
    // The chosen description does not begin with the summary, so the title is all that says "Owner".
    assertThat(described.get("title").asText()).isEqualTo("Owner");
    assertThat(described.get("description").asText()).isEqualTo("Reads the profile.");
  }

  @Test
  void eachSettingBringsItsPartBack(@TempDir Path dir) throws Exception {
    GeneratorConfig base = config(dir);

    JsonNode titled = tool(dir, "createRepo", base.withListing(ListingOptions.DEFAULT.withRepeatedTitles(true)));
    assertThat(titled.get("title").asText()).isEqualTo("Create a repository");
    assertThat(titled.at("/inputSchema/properties/owner/description").asText()).isEqualTo("The account owner.");

    JsonNode pointers = tool(dir, "createRepo",
        base.withListing(ListingOptions.DEFAULT.withReferenceSentences(true)));
    assertThat(pointers.has("title")).isFalse();
    assertThat(pointers.get("description").asText()).isEqualTo("""
        Create a repository

        Needs the `repo` scope. For more information, see "Scopes."

        Returns: object (url).""");
    assertThat(pointers.at("/inputSchema/properties/owner/description").asText())
        .isEqualTo("The account owner. See accounts.");

    JsonNode typed = tool(dir, "createRepo", base.withOutputSchemaMaxBytes(1024));
    assertThat(typed.at("/outputSchema/properties/url/type").asText()).isEqualTo("string");
    assertThat(typed.has("title")).isFalse();
  }
}
