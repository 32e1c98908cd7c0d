package dev.openapi2mcp.examples.petstore.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.examples.e2e.PackagedJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the packaged server and its spec are, as the build passes them to the end-to-end tests. */
final class PetstoreJar {

  private PetstoreJar() {}

  /** The jar built by {@code package}; the failsafe configuration sets {@code petstore.jar}. */
  static Path jar() {
    return PackagedJar.fromProperty("petstore.jar");
  }

  /** The operationIds of the spec the server was generated from, in spec order. */
  static List<String> specOperationIds() throws IOException {
    JsonNode spec = new ObjectMapper().readTree(Files.readString(Path.of("src", "main", "openapi", "petstore.json")));
    List<String> ids = new ArrayList<>();
    spec.get("paths").forEach(pathItem -> pathItem.properties().forEach(operation -> {
      JsonNode id = operation.getValue().get("operationId");
      if (id != null) {
        ids.add(id.asText());
      }
    }));
    return ids;
  }
}
