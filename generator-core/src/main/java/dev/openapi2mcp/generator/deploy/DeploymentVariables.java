package dev.openapi2mcp.generator.deploy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import dev.openapi2mcp.generator.naming.DeploymentNames;
import dev.openapi2mcp.generator.tool.CatalogApiModel;
import dev.openapi2mcp.generator.tool.ServerModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values the deployment templates see, computed from the server model. Every value is safe where the templates
 * put it: names and tags are made of {@code [a-z0-9.-]}, text meant for comments is one line, and the base URL is a
 * double-quoted (JSON, hence YAML) string, so no spec content can break or add YAML structure.
 *
 * <p>A service catalog (issue 4) gets what its runtime reads: the credential variables of each API under the prefix
 * {@code SERVER_NAMESPACE}, and one {@code --base-url NAMESPACE=URL} per API that has a base URL.
 */
final class DeploymentVariables {
  /** The port the container listens on: the runtime's default HTTP port. */
  static final int PORT = 8080;

  static final Set<String> NAMES = Set.of("serverName", "title", "version", "name", "image", "imageTag", "port",
      "baseUrlArgs", "secretName", "secretKeys", "credentialEnv", "trainingArgs");

  private DeploymentVariables() {}

  static Map<String, String> of(ServerModel server) {
    String name = DeploymentNames.resourceName(server.serverName());
    String tag = DeploymentNames.versionTag(server.version());
    String secret = name + "-credentials";
    Set<String> variables = new LinkedHashSet<>();
    if (server.apis().isEmpty()) {
      for (SecuritySchemeModel scheme : server.securitySchemes()) {
        variables.addAll(DeploymentNames.credentialVariables(server.serverName(), scheme));
      }
    }
    for (CatalogApiModel api : server.apis()) {
      for (SecuritySchemeModel scheme : api.securitySchemes()) {
        variables.addAll(DeploymentNames.credentialVariables(server.serverName() + "_" + api.namespace(), scheme));
      }
    }
    Map<String, String> values = new TreeMap<>();
    values.put("serverName", oneLine(server.serverName()));
    values.put("title", oneLine(server.title() != null && !server.title().isBlank()
        ? server.title() : server.serverName()));
    values.put("version", oneLine(server.version()));
    values.put("name", name);
    values.put("imageTag", tag);
    values.put("image", name + "-mcp-server:" + tag);
    values.put("port", Integer.toString(PORT));
    values.put("baseUrlArgs", baseUrlArgs(server));
    values.put("trainingArgs", trainingArgs(server));
    values.put("secretName", secret);
    values.put("secretKeys", String.join(", ", variables));
    values.put("credentialEnv", credentialEnv(variables, secret));
    return values;
  }

  /**
   * The {@code args} list items that set the base URLs, comma-separated and quoted; empty when there are none (the
   * server then needs no arguments, or the user adds them).
   */
  private static String baseUrlArgs(ServerModel server) {
    List<String> args = new ArrayList<>();
    if (server.apis().isEmpty() && server.baseUrl() != null) {
      args.add(quoted("--base-url"));
      args.add(quoted(server.baseUrl()));
    }
    for (CatalogApiModel api : server.apis()) {
      if (api.baseUrl() != null) {
        args.add(quoted("--base-url"));
        args.add(quoted(api.namespace() + "=" + api.baseUrl()));
      }
    }
    return String.join(", ", args);
  }

  /**
   * The arguments the class-data sharing training run needs (issue 6), as shell words each after a space: a
   * placeholder base URL for each API whose description declares none, so that the server starts. The run lists
   * tools but calls none, so the URL is never contacted.
   */
  private static String trainingArgs(ServerModel server) {
    StringBuilder out = new StringBuilder();
    if (server.apis().isEmpty() && server.baseUrl() == null) {
      out.append(" --base-url ").append(shellWord(TRAINING_URL));
    }
    for (CatalogApiModel api : server.apis()) {
      if (api.baseUrl() == null) {
        out.append(" --base-url ").append(shellWord(api.namespace() + "=" + TRAINING_URL));
      }
    }
    return out.toString();
  }

  /** A discard-port URL on loopback: nothing listens there, and the training run sends nothing anyway. */
  private static final String TRAINING_URL = "http://127.0.0.1:9";

  private static String shellWord(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /**
   * The container's {@code env} entries, one per variable, each from the Secret's key of the same name. Optional,
   * because a tool uses the first of its security alternatives whose credentials are set, so none is required.
   */
  private static String credentialEnv(Set<String> variables, String secret) {
    StringBuilder out = new StringBuilder();
    for (String variable : variables) {
      out.append("            - name: ").append(variable).append('\n')
          .append("              valueFrom:\n")
          .append("                secretKeyRef:\n")
          .append("                  name: ").append(secret).append('\n')
          .append("                  key: ").append(variable).append('\n')
          .append("                  optional: true\n");
    }
    return out.toString();
  }

  private static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /** Text for a comment line: control characters and line breaks become spaces, runs of spaces one. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").replaceAll(" {2,}", " ").strip();
  }
}
