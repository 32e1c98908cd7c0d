package dev.openapi2mcp.examples.petstore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    String property = System.getProperty("petstore.jar");
    assertThat(property).as("system property petstore.jar (run these tests with ./mvnw verify)").isNotBlank();
    Path jar = Path.of(property);
    assertThat(jar).as("the packaged server").isRegularFile();
    return jar;
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
