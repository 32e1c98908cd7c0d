package dev.openapi2mcp.generator.model;

import java.util.Objects;

/**
 * One response an operation documents, whatever its media type: what tool descriptions say about outcomes (what a
 * call returns, which errors it may end in).
 *
 * @param status the status key as the spec writes it, e.g. {@code 404}, {@code 4XX} or {@code default}
 * @param description the response's description, stripped; empty when the spec gives none
 */
public record DocumentedResponse(String status, String description) {
  public DocumentedResponse {
    Objects.requireNonNull(status, "status");
    description = description == null ? "" : description.strip();
  }
}
