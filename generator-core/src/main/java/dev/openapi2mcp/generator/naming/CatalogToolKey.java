package dev.openapi2mcp.generator.naming;

import java.util.Objects;

/**
 * What a tool name of a service catalog (issue 4) is made from.
 *
 * @param namespace the namespace of the tool's API
 * @param name the tool's name in a server of its API alone (see {@link NamingStrategy#toolNames})
 * @param operation the operation; its method and path tell apart tools whose names collide
 * @param explicitName a name set explicitly (by an overrides file), used as is and never prefixed, or null
 */
public record CatalogToolKey(String namespace, String name, OperationKey operation, String explicitName) {
  public CatalogToolKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operation, "operation");
  }
}
