package dev.openapi2mcp.examples.petstore.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code pet} operations of the spec: add, update, find by status or tags, get, update by form, delete, upload. */
final class PetRoutes {

  private final PetRepository pets;

  PetRoutes(PetRepository pets) {
    this.pets = pets;
  }

  void register(Router router, String basePath) {
    router
        .add("POST", basePath + "/pet", this::addPet)
        .add("PUT", basePath + "/pet", this::updatePet)
        .add("GET", basePath + "/pet/findByStatus", this::findByStatus)
        .add("GET", basePath + "/pet/findByTags", this::findByTags)
        .add("GET", basePath + "/pet/{petId}", this::getPet)
        .add("POST", basePath + "/pet/{petId}", this::updateWithForm)
        .add("DELETE", basePath + "/pet/{petId}", this::deletePet)
        .add("POST", basePath + "/pet/{petId}/uploadImage", this::uploadImage);
  }

  /** The id is assigned here: it is read-only in the spec, so a client-sent id is ignored. */
  private DemoResponse addPet(DemoRequest request) {
    Pet pet = Json.bind(request.jsonBody(), Pet.class, "pet").validated();
    return DemoResponse.ok(pets.add(pet));
  }

  private DemoResponse updatePet(DemoRequest request) {
    Pet pet = Json.bind(request.jsonBody(), Pet.class, "pet").validated();
    if (pet.id() == null) {
      throw ApiException.badRequest("Invalid ID supplied: 'id' is required to update a pet");
    }
    return DemoResponse.ok(pets.replace(pet).orElseThrow(() -> notFound(pet.id())));
  }

  private DemoResponse findByStatus(DemoRequest request) {
    List<String> statuses = request.queryValues("status");
    if (statuses.isEmpty()) {
      throw ApiException.badRequest("Invalid status value: query parameter 'status' is required");
    }
    statuses.forEach(Pet::checkStatus);
    return DemoResponse.ok(pets.findAll(pet -> statuses.contains(pet.status())));
  }

  private DemoResponse findByTags(DemoRequest request) {
    List<String> tags = request.queryValues("tags");
    if (tags.isEmpty()) {
      throw ApiException.badRequest("Invalid tag value: query parameter 'tags' is required");
    }
    return DemoResponse.ok(pets.findAll(pet -> pet.hasAnyTag(tags)));
  }

  private DemoResponse getPet(DemoRequest request) {
    long id = request.pathId("petId", 1);
    return DemoResponse.ok(pets.find(id).orElseThrow(() -> notFound(id)));
  }

  /** Takes {@code name} and {@code status} as form fields (as the spec says) or, leniently, as a JSON object. */
  private DemoResponse updateWithForm(DemoRequest request) {
    long id = request.pathId("petId", 1);
    Map<String, String> fields = request.contentType().equals("application/x-www-form-urlencoded")
        ? request.formBody()
        : textFields(request.jsonBody());
    String name = fields.get("name");
    if (name != null && name.isBlank()) {
      throw ApiException.badRequest("invalid name: must not be blank");
    }
    String status = Pet.checkStatus(fields.get("status"));
    Pet updated = pets.update(id, current -> current.withNameAndStatus(
            name != null ? name : current.name(), status != null ? status : current.status()))
        .orElseThrow(() -> notFound(id));
    return DemoResponse.ok(updated);
  }

  private DemoResponse deletePet(DemoRequest request) {
    long id = request.pathId("petId", 1);
    if (!pets.delete(id)) {
      throw notFound(id);
    }
    return DemoResponse.ok(ApiMessage.ok("deleted pet " + id));
  }

  /** Accepts any body and reports its size: the demo keeps no images. */
  private DemoResponse uploadImage(DemoRequest request) {
    long id = request.pathId("petId", 1);
    pets.find(id).orElseThrow(() -> notFound(id));
    String type = request.contentType().isEmpty() ? "no content type" : request.contentType();
    return DemoResponse.ok(
        ApiMessage.ok("received " + request.body().length + " bytes (" + type + ") for pet " + id));
  }

  private static Map<String, String> textFields(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.badRequest("expected form fields or a JSON object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    body.properties().forEach(field -> {
      if (!field.getValue().isTextual()) {
        throw ApiException.badRequest("invalid " + field.getKey() + ": a string is expected");
      }
      fields.put(field.getKey(), field.getValue().textValue());
    });
    return fields;
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("Pet not found: " + id);
  }
}
