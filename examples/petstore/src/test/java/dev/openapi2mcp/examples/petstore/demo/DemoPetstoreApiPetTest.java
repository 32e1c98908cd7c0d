package dev.openapi2mcp.examples.petstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.examples.petstore.demo.DemoClient.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DemoPetstoreApiPetTest extends DemoApiTestBase {

  @Test
  void seedsPetsOneToFiveWithVariedStatusesAndTags() {
    Set<String> statuses = new HashSet<>();
    Set<String> tagSets = new HashSet<>();
    for (long id = 1; id <= 5; id++) {
      Reply reply = client.get("/pet/" + id);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("id").asLong()).isEqualTo(id);
      assertThat(reply.json().get("name").asText()).isNotBlank();
      assertThat(reply.json().get("photoUrls").isArray()).isTrue();
      statuses.add(reply.json().get("status").asText());
      tagSets.add(reply.json().get("tags").toString());
    }
    assertThat(statuses).containsExactlyInAnyOrder("available", "pending", "sold");
    assertThat(tagSets).hasSize(5);
    assertThat(client.get("/pet/6").status()).isEqualTo(404);
  }

  @Test
  void unknownPetIsA404WithAJsonError() {
    Reply reply = client.get("/pet/4242");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(reply.json().get("code").asInt()).isEqualTo(404);
    assertThat(reply.json().get("type").asText()).isEqualTo("error");
    assertThat(reply.json().get("message").asText()).isEqualTo("Pet not found: 4242");
  }

  @Test
  void nonNumericOrNonPositivePetIdIsA400() {
    assertThat(client.get("/pet/abc").status()).isEqualTo(400);
    assertThat(client.get("/pet/0").status()).isEqualTo(400);
    assertThat(client.get("/pet/-1").json().get("message").asText()).startsWith("Invalid petId supplied");
  }

  @Test
  void addPetAssignsANewIdIgnoringTheClientsAndTheNewPetCanBeRead() {
    Reply added = client.postJson("/pet",
        "{\"id\":1,\"name\":\"Luna\",\"photoUrls\":[\"https://example.com/luna.jpg\"],"
            + "\"category\":{\"id\":1,\"name\":\"Dogs\"},\"tags\":[{\"id\":9,\"name\":\"new\"}],\"status\":\"pending\"}");

    assertThat(added.status()).isEqualTo(200);
    long id = added.json().get("id").asLong();
    assertThat(id).isGreaterThan(5);
    Reply read = client.get("/pet/" + id);
    assertThat(read.json()).isEqualTo(added.json());
    assertThat(read.json().get("name").asText()).isEqualTo("Luna");
    assertThat(read.json().at("/tags/0/name").asText()).isEqualTo("new");
    assertThat(client.get("/pet/1").json().get("name").asText()).isEqualTo("Rex");
  }

  @Test
  void addPetRejectsInvalidInputWith400() {
    assertThat(client.postJson("/pet", "{\"photoUrls\":[]}").json().get("message").asText())
        .isEqualTo("invalid pet: 'name' is required");
    assertThat(client.postJson("/pet", "{\"name\":\"x\"}").json().get("message").asText())
        .isEqualTo("invalid pet: 'photoUrls' is required");
    assertThat(client.postJson("/pet", "{\"name\":5,\"photoUrls\":[]}").json().get("message").asText())
        .isEqualTo("invalid pet: field 'name' has the wrong type");
    assertThat(client.postJson("/pet", "{\"name\":\"x\",\"photoUrls\":[],\"colour\":\"red\"}")
            .json().get("message").asText())
        .isEqualTo("invalid pet: unknown field 'colour'");
    assertThat(client.postJson("/pet", "{\"name\":\"x\",\"photoUrls\":[],\"status\":\"lost\"}").status())
        .isEqualTo(400);
    assertThat(client.postJson("/pet", "{not json").status()).isEqualTo(400);
    assertThat(client.postJson("/pet", "[]").status()).isEqualTo(400);
    assertThat(client.send("POST", "/pet", "text/plain", "{}").status()).isEqualTo(415);
    assertThat(client.get("/pet/6").status()).as("nothing was added").isEqualTo(404);
  }

  @Test
  void updatePetReplacesAnExistingPetOnly() {
    Reply updated = client.putJson("/pet", "{\"id\":2,\"name\":\"Whiskers II\",\"photoUrls\":[],\"status\":\"available\"}");

    assertThat(updated.status()).isEqualTo(200);
    assertThat(client.get("/pet/2").json().get("name").asText()).isEqualTo("Whiskers II");
    assertThat(client.get("/pet/2").json().get("status").asText()).isEqualTo("available");
    assertThat(client.putJson("/pet", "{\"id\":99,\"name\":\"Ghost\",\"photoUrls\":[]}").status()).isEqualTo(404);
    assertThat(client.putJson("/pet", "{\"name\":\"No id\",\"photoUrls\":[]}").status()).isEqualTo(400);
  }

  @Test
  void findByStatusAcceptsRepeatedAndCommaSeparatedValues() {
    List<JsonNode> seeded = IntStream.rangeClosed(1, 5).mapToObj(id -> client.get("/pet/" + id).json()).toList();

    for (String status : List.of("available", "pending", "sold")) {
      assertThat(ids(client.get("/pet/findByStatus?status=" + status).json()))
          .isEqualTo(idsWhere(seeded, pet -> pet.get("status").asText().equals(status)));
    }
    List<Long> availableOrSold =
        idsWhere(seeded, pet -> !pet.get("status").asText().equals("pending"));
    assertThat(ids(client.get("/pet/findByStatus?status=available&status=sold").json())).isEqualTo(availableOrSold);
    assertThat(ids(client.get("/pet/findByStatus?status=available,sold").json())).isEqualTo(availableOrSold);
  }

  @Test
  void findByStatusRejectsAMissingOrUnknownStatus() {
    assertThat(client.get("/pet/findByStatus").status()).isEqualTo(400);
    Reply unknown = client.get("/pet/findByStatus?status=available,lost");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("'lost'");
  }

  @Test
  void findByTagsReturnsPetsWithAnyOfTheTags() {
    List<JsonNode> seeded = IntStream.rangeClosed(1, 5).mapToObj(id -> client.get("/pet/" + id).json()).toList();

    List<Long> friendlyOrLoud = idsWhere(seeded, pet -> StreamSupport.stream(pet.get("tags").spliterator(), false)
        .anyMatch(tag -> Set.of("friendly", "loud").contains(tag.get("name").asText())));
    assertThat(friendlyOrLoud).isNotEmpty();
    assertThat(ids(client.get("/pet/findByTags?tags=friendly&tags=loud").json())).isEqualTo(friendlyOrLoud);
    assertThat(ids(client.get("/pet/findByTags?tags=no-such-tag").json())).isEmpty();
    assertThat(client.get("/pet/findByTags").status()).isEqualTo(400);
  }

  @Test
  void updatePetWithFormChangesNameAndStatus() {
    Reply reply = client.send("POST", "/pet/3", "application/x-www-form-urlencoded", "name=Tweety+Bird&status=available");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode pet = client.get("/pet/3").json();
    assertThat(pet.get("name").asText()).isEqualTo("Tweety Bird");
    assertThat(pet.get("status").asText()).isEqualTo("available");
    assertThat(client.send("POST", "/pet/3", "application/x-www-form-urlencoded", "status=lost").status())
        .isEqualTo(400);
    assertThat(client.send("POST", "/pet/77", "application/x-www-form-urlencoded", "name=x").status())
        .isEqualTo(404);
  }

  @Test
  void deletePetRemovesItOnce() {
    assertThat(client.delete("/pet/4").status()).isEqualTo(200);
    assertThat(client.get("/pet/4").status()).isEqualTo(404);
    assertThat(client.delete("/pet/4").status()).isEqualTo(404);
  }

  @Test
  void uploadImageReportsWhatItReceivedForAnExistingPet() {
    Reply reply = client.send("POST", "/pet/1/uploadImage", "application/octet-stream", "12345");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("message").asText())
        .isEqualTo("received 5 bytes (application/octet-stream) for pet 1");
    assertThat(client.send("POST", "/pet/9/uploadImage", "application/octet-stream", "x").status())
        .isEqualTo(404);
  }

  private static List<Long> ids(JsonNode pets) {
    assertThat(pets.isArray()).as("an array of pets: %s", pets).isTrue();
    List<Long> ids = new ArrayList<>();
    pets.forEach(pet -> ids.add(pet.get("id").asLong()));
    return ids;
  }

  private static List<Long> idsWhere(List<JsonNode> pets, java.util.function.Predicate<JsonNode> filter) {
    return pets.stream().filter(filter).map(pet -> pet.get("id").asLong()).toList();
  }
}
