package dev.openapi2mcp.generator.naming;

import java.util.Objects;

/**
 * What a tool argument name is made from.
 *
 * @param wireName the name on the wire (parameter name, body property name, or {@code body} for a whole body)
 * @param origin where the value goes, used as a prefix when the plain name is taken: {@code path}, {@code query},
 *     {@code header}, {@code cookie}, {@code body} (a body property) or {@code request} (the whole body)
 */
public record ArgumentKey(String wireName, String origin) {
  public ArgumentKey {
    Objects.requireNonNull(wireName, "wireName");
    Objects.requireNonNull(origin, "origin");
  }
}
