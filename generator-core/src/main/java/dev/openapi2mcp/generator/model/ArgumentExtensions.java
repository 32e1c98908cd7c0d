package dev.openapi2mcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code x-mcp-*} extensions of a parameter or a body property (issue 4). Each is null when absent.
 *
 * @param description {@code x-mcp-description}: the argument's description in the input schema
 * @param hidden {@code x-mcp-hidden}: true leaves the argument out of the input schema and the request
 * @param value {@code x-mcp-value}: a fixed value, always sent; the argument leaves the input schema
 * @param defaultValue {@code x-mcp-default}: sent when the caller leaves the argument out
 * @param pointer the JSON pointer of the object that holds the extensions, or null when there is none
 */
public record ArgumentExtensions(String description, Boolean hidden, JsonNode value, JsonNode defaultValue,
    String pointer) {

  public static final ArgumentExtensions NONE = new ArgumentExtensions(null, null, null, null, null);
}
