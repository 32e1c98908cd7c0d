package dev.openapi2mcp.generator.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code x-mcp-*} extensions of one operation, as the spec gives them (issue 4). Each is null when absent; the
 * customize stage weighs them against the overrides file, which wins.
 *
 * @param name {@code x-mcp-name}: the tool name
 * @param title {@code x-mcp-title}: the tool title
 * @param description {@code x-mcp-description}: replaces the composed description
 * @param exclude {@code x-mcp-exclude}: true leaves the operation out (the overrides file's {@code enabled} can
 *     bring it back)
 * @param annotations {@code x-mcp-annotations}: hint name ({@code readOnlyHint}, …) → value, sorted by name
 * @param pointer the JSON pointer of the operation; each extension is the member of that name under it
 */
public record OperationExtensions(String name, String title, String description, Boolean exclude,
    Map<String, Boolean> annotations, String pointer) {

  public OperationExtensions {
    annotations = annotations == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** No extensions at {@code pointer}. */
  public static OperationExtensions none(String pointer) {
    return new OperationExtensions(null, null, null, null, Map.of(), Objects.requireNonNull(pointer, "pointer"));
  }
}
