package dev.openapi2mcp.generator.deploy;

import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import dev.openapi2mcp.generator.naming.DeploymentNames;
import dev.openapi2mcp.generator.tool.CatalogApiModel;
import dev.openapi2mcp.generator.tool.ServerModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The values the deployment templates see, computed from the server model. Every value is safe where the templates
 * put it: names and tags are made of {@code [a-z0-9.-]}, text meant for comments is one line of printable text, and
 * the base URL is a double-quoted (JSON, hence YAML) string in printable ASCII, so no spec content can break or add
 * YAML structure or a shell word. The Dockerfile template starts with fixed text, so that no value can make its
 * first line a parser directive ({@code # syntax=…} would choose the image that builds it).
 *
 * <p>A service catalog (issue 4) gets what its runtime reads: the credential variables of each API under the prefix
 * {@code SERVER_NAMESPACE}, and one {@code --base-url NAMESPACE=URL} per API that has a base URL.
 */
final class DeploymentVariables {
  /** The port the container listens on: the runtime's default HTTP port. */
  static final int PORT = 8080;

  static final Set<String> NAMES = Set.of("serverName", "title", "version", "name", "image", "imageTag", "port",
      "baseUrlArgs", "secretName", "secretKeys", "credentialEnv", "credentialExample", "trainingArgs");

  private DeploymentVariables() {}

  static Map<String, String> of(ServerModel server) {
    String name = DeploymentNames.resourceName(server.serverName());
    String tag = DeploymentNames.versionTag(server.version());
    String secret = name + "-credentials";
    Set<String> variables = credentialVariables(server);
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
    values.put("credentialExample", variables.stream().map(variable -> variable + "=")
        .collect(Collectors.joining("\n")));
    return values;
  }

  /** The environment variables the server reads credentials from, each once, in a fixed order. */
  static Set<String> credentialVariables(ServerModel server) {
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
    return variables;
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

  /**
   * A double-quoted string, valid in JSON and YAML alike, in printable ASCII: quote and backslash escaped, every
   * other character outside U+0020..U+007E as a backslash-u escape of four hex digits, so that no line break of any
   * YAML version (NEL, U+2028 and U+2029 are breaks in YAML 1.1) and no character a YAML reader refuses reaches the
   * file.
   */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }

  /**
   * Text for a comment line: control characters, line and paragraph separators, format characters (bidirectional
   * controls among them, which could make a reviewer read the line differently from a parser), lone surrogates and
   * unassigned code points become spaces; runs of spaces one.
   */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(switch (Character.getType(c)) {
      case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT,
          Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> ' ';
      default -> c;
    }));
    return out.toString().replaceAll(" {2,}", " ").strip();
  }
}
