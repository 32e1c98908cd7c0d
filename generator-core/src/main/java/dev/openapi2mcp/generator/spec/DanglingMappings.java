package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds discriminator mappings that name a file which is not there, so they can be dropped with a warning.
 *
 * <p>swagger-parser loads every file a discriminator mapping names and fails the whole description when one is
 * missing. DigitalOcean's description, as published, maps its DNS record types to
 * {@code models/domain_record_types.yml#/…}, a file its bundler left behind. A mapping only tells which schema a
 * discriminator value selects; without it the {@code oneOf} still says everything, so the tools lose nothing
 * that matters and the build need not fail.
 */
final class DanglingMappings {
  private final Path baseDirectory;
  private final List<String> pointers = new ArrayList<>();

  private DanglingMappings(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  /**
   * The JSON pointers of the mapping entries in {@code document} that name a missing file relative to
   * {@code baseDirectory}, in document order.
   */
  static List<String> find(JsonNode document, Path baseDirectory) {
    DanglingMappings finder = new DanglingMappings(baseDirectory);
    DataKeys.forEachStructureObject(document, finder::visit);
    return finder.pointers;
  }

  /** Removes the entries {@link #find} reported from the (mutable) document, warning about each. */
  static void drop(JsonNode document, List<String> pointers, Diagnostics diagnostics) {
    for (String pointer : pointers) {
      int slash = pointer.lastIndexOf('/');
      JsonNode mapping = document.at(pointer.substring(0, slash));
      String key = JsonPointers.unescape(pointer.substring(slash + 1));
      if (mapping instanceof ObjectNode object) {
        String target = object.path(key).asText();
        object.remove(key);
        diagnostics.warning("discriminator mapping '" + key + "' names '" + target
            + "', a file that does not exist; the mapping is ignored", pointer, null);
      }
    }
  }

  private void visit(JsonNode node, TreePath at) {
    JsonNode mapping = node.path("discriminator").path("mapping");
    if (mapping.isObject()) {
      for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
        if (entry.getValue().isTextual() && namesMissingFile(entry.getValue().asText())) {
          pointers.add(at.pointer() + "/discriminator/mapping/" + JsonPointers.escape(entry.getKey()));
        }
      }
    }
  }

  /** A relative file reference ({@code file.yml#/x}, {@code file.json}) whose file is missing. */
  private boolean namesMissingFile(String value) {
    int hash = value.indexOf('#');
    String file = hash < 0 ? value : value.substring(0, hash);
    if (file.isEmpty() || file.contains(":") || !(file.contains("/") || file.contains("."))) {
      return false; // local refs, URLs and bare schema names are not files
    }
    try {
      return !Files.exists(baseDirectory.resolve(file));
    } catch (InvalidPathException e) {
      return true;
    }
  }
}
