package dev.openapi2mcp.examples.petstore.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The spec's {@code Pet}; {@code id} is null in requests that create one (it is read-only in the spec). */
record Pet(Long id, Category category, String name, List<String> photoUrls, List<Tag> tags, String status) {

  static final Set<String> STATUSES = Set.of("available", "pending", "sold");

  /** The spec's {@code Category}. */
  record Category(Long id, String name) {}

  /** The spec's {@code Tag}. */
  record Tag(Long id, String name) {}

  Pet {
    // Not List.copyOf: a client may send null elements, which validated() must be able to report.
    photoUrls = photoUrls == null ? null : Collections.unmodifiableList(new ArrayList<>(photoUrls));
    tags = tags == null ? null : Collections.unmodifiableList(new ArrayList<>(tags));
  }

  /** Checks what the spec requires of a pet sent by a client; 400 naming the first problem. */
  Pet validated() {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("invalid pet: 'name' is required");
    }
    if (photoUrls == null) {
      throw ApiException.badRequest("invalid pet: 'photoUrls' is required");
    }
    if (photoUrls.contains(null)) {
      throw ApiException.badRequest("invalid pet: 'photoUrls' must not contain null");
    }
    if (tags != null && tags.contains(null)) {
      throw ApiException.badRequest("invalid pet: 'tags' must not contain null");
    }
    checkStatus(status);
    return this;
  }

  Pet withId(long newId) {
    return new Pet(newId, category, name, photoUrls, tags, status);
  }

  Pet withNameAndStatus(String newName, String newStatus) {
    return new Pet(id, category, newName, photoUrls, tags, newStatus);
  }

  boolean hasAnyTag(List<String> tagNames) {
    return tags != null && tags.stream().anyMatch(tag -> tagNames.contains(tag.name()));
  }

  /** A status must be one of the spec's enum values, or absent. */
  static String checkStatus(String status) {
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badRequest(
          "invalid status '" + status + "': expected one of available, pending, sold");
    }
    return status;
  }
}
