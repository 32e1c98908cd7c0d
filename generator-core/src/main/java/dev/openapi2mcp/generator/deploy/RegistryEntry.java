package dev.openapi2mcp.generator.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.output.GeneratedFile;
import dev.openapi2mcp.generator.tool.ServerModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server's entry for an MCP Registry, {@code server.json} in the format of the schema
 * {@value #SCHEMA}: the container image as an OCI package and the Streamable HTTP endpoint as a remote, so that a
 * private registry or an MCP gallery can list it.
 *
 * <p>Invariants: the document is valid against that schema for every server model. Jackson writes every value, so
 * spec text stays a JSON string. The {@code name} is {@code <namespace>/<resource name>}, the namespace being the
 * generated Java package (reverse DNS by convention) with each character the schema refuses made a hyphen. Text
 * limited by the schema (description and title, 100 characters) is cut at a code point boundary. The remote's URL
 * is the template {@code https://{host}/mcp} with {@code host} a required variable, because only the operator knows
 * where the Service is exposed; the package's transport is the container's own port on localhost.
 */
final class RegistryEntry {
  /** The schema version this entry follows. */
  static final String SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

  /** The output's path relative to the deployment directory. */
  static final Path OUTPUT = Path.of("server.json");

  /** The schema's maximum length of the description and title, in characters (code points). */
  private static final int TEXT_LIMIT = 100;

  /** The schema's maximum length of the version. */
  private static final int VERSION_LIMIT = 255;

  /** The schema's maximum length of the name. */
  private static final int NAME_LIMIT = 200;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RegistryEntry() {}

  static GeneratedFile render(ServerModel server) throws JsonProcessingException {
    Map<String, String> values = DeploymentVariables.of(server);
    String name = values.get("name");
    String title = values.get("title").isEmpty() ? name : values.get("title");
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("name", registryName(server.packageName(), name));
    root.put("title", cut(title, TEXT_LIMIT));
    root.put("description", cut("MCP server for " + title, TEXT_LIMIT));
    String version = cut(values.get("version"), VERSION_LIMIT);
    root.put("version", version.isEmpty() ? "0.0.0" : version);

    ObjectNode image = root.putArray("packages").addObject();
    image.put("registryType", "oci");
    // The image the Dockerfile's comment builds and the Deployment runs.
    image.put("identifier", values.get("image"));
    image.putObject("transport").put("type", "streamable-http")
        .put("url", "http://localhost:" + DeploymentVariables.PORT + "/mcp");
    ArrayNode environment = image.putArray("environmentVariables");
    for (String variable : DeploymentVariables.credentialVariables(server)) {
      environment.addObject().put("name", variable)
          .put("description", "A credential for the API; optional, set those you have")
          .put("isRequired", false)
          .put("isSecret", true);
    }
    if (environment.isEmpty()) {
      image.remove("environmentVariables");
    }

    ObjectNode remote = root.putArray("remotes").addObject();
    remote.put("type", "streamable-http");
    remote.put("url", "https://{host}/mcp");
    remote.putObject("variables").putObject("host")
        .put("description", "Host name (and port) where the Service '" + name + "' is exposed")
        .put("isRequired", true);
    byte[] content = (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    return new GeneratedFile(OUTPUT, content);
  }

  /** {@code <namespace>/<name>}: the namespace from the Java package, within the schema's pattern and length. */
  static String registryName(String packageName, String resourceName) {
    String namespace = packageName.replaceAll("[^a-zA-Z0-9.-]", "-");
    if (namespace.isEmpty()) {
      namespace = "local";
    }
    int room = NAME_LIMIT - resourceName.length() - 1;
    return namespace.substring(0, Math.min(namespace.length(), room)) + "/" + resourceName;
  }

  private static String cut(String text, int limit) {
    if (text.codePointCount(0, text.length()) <= limit) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, limit - 1)) + "\u2026";
  }
}
