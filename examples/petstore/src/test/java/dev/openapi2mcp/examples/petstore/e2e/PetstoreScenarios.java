package dev.openapi2mcp.examples.petstore.e2e;

import static dev.openapi2mcp.examples.e2e.ToolResults.assertSucceeded;
import static dev.openapi2mcp.examples.e2e.ToolResults.json;
import static dev.openapi2mcp.examples.e2e.ToolResults.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.examples.e2e.McpScenarios;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the packaged Petstore server must do for a real MCP client, whatever the transport. Subclasses start
 * {@code java -jar petstore-mcp-server.jar --demo} over one transport and connect the official Java SDK client.
 */
abstract class PetstoreScenarios extends McpScenarios {

  private static final Duration LOG_WAIT = Duration.ofSeconds(10);

  @Test
  void listsOneToolPerOperationWithValidUniqueNames() throws IOException {
    List<Tool> tools = allTools();

    List<String> names = tools.stream().map(Tool::name).toList();
    assertThat(names).hasSize(20).doesNotHaveDuplicates();
    assertThat(names).allMatch(name -> name.matches("[A-Za-z0-9_.-]{1,64}"), "is a valid MCP tool name");
    assertThat(names).containsExactlyElementsOf(PetstoreJar.specOperationIds());
    Map<String, Tool> byName = tools.stream().collect(Collectors.toMap(Tool::name, tool -> tool));
    assertThat(byName.get("getPetById").annotations().readOnlyHint()).isTrue();
    // Only hints that differ from MCP's defaults are sent (issue 6): read them as a client must, defaults applied.
    assertThat(Objects.requireNonNullElse(byName.get("deletePet").annotations().destructiveHint(), true)).isTrue();
    assertThat(Objects.requireNonNullElse(byName.get("addPet").annotations().destructiveHint(), true)).isFalse();
    assertThat(byName.get("getPetById").inputSchema().get("required")).isEqualTo(List.of("petId"));
  }

  @Test
  void getPetByIdReturnsTheSeededPet() throws IOException {
    CallToolResult result = call("getPetById", Map.of("petId", 1));

    assertSucceeded(result);
    JsonNode pet = json(result);
    assertThat(pet.get("id").asLong()).isEqualTo(1);
    assertThat(pet.get("name").asText()).isNotBlank();
  }

  @Test
  void addedPetCanBeFetchedByItsNewId() throws IOException {
    CallToolResult added = call("addPet", Map.of(
        "name", "Pixel",
        "photoUrls", List.of("https://example.com/pixel.jpg"),
        "status", "pending",
        "tags", List.of(Map.of("id", 7, "name", "e2e"))));

    assertSucceeded(added);
    long id = json(added).get("id").asLong();
    assertThat(id).isGreaterThan(5);
    CallToolResult fetched = call("getPetById", Map.of("petId", id));
    assertSucceeded(fetched);
    JsonNode pet = json(fetched);
    assertThat(pet.get("name").asText()).isEqualTo("Pixel");
    assertThat(pet.get("status").asText()).isEqualTo("pending");
    assertThat(pet.at("/tags/0/name").asText()).isEqualTo("e2e");
  }

  @Test
  void findPetsByStatusReturnsOnlyPetsWithThatStatus() throws IOException {
    CallToolResult result = call("findPetsByStatus", Map.of("status", List.of("sold")));

    assertSucceeded(result);
    JsonNode pets = json(result);
    assertThat(pets.isArray()).as("an array: %s", pets).isTrue();
    assertThat(pets).isNotEmpty();
    assertThat(pets).allSatisfy(pet -> assertThat(pet.get("status").asText()).isEqualTo("sold"));
  }

  @Test
  void deletedPetIsGoneWithA404Error() throws IOException {
    long id = json(call("addPet", Map.of("name", "Ephemeral", "photoUrls", List.of()))).get("id").asLong();

    assertSucceeded(call("deletePet", Map.of("petId", id)));

    CallToolResult fetched = call("getPetById", Map.of("petId", id));
    assertThat(fetched.isError()).as("getPetById of a deleted pet: %s", text(fetched)).isTrue();
    assertThat(text(fetched)).contains("404");
  }

  @Test
  void invalidArgumentsAreAnErrorResultAndNeverReachTheApi() throws InterruptedException {
    int before = log().demoRequests().size();

    CallToolResult notAnInteger = call("getPetById", Map.of("petId", "abc"));
    CallToolResult missing = call("getPetById", Map.of());

    assertThat(notAnInteger.isError()).as(text(notAnInteger)).isTrue();
    assertThat(text(notAnInteger)).contains("petId");
    assertThat(missing.isError()).as(text(missing)).isTrue();
    assertThat(text(missing)).contains("petId");
    // A valid call afterwards: the backend logs requests in order, so once its line is there, any request the
    // invalid calls had caused would be logged before it.
    assertSucceeded(call("getPetById", Map.of("petId", 2)));
    assertThat(log().awaitDemoRequestsAfter(before, LOG_WAIT)).containsExactly("demo-api: GET /v2/pet/2 -> 200");
  }
}
