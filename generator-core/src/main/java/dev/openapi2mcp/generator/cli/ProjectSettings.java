package dev.openapi2mcp.generator.cli;

import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.naming.DeploymentNames;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import java.util.Objects;

/**
 * What a new project's {@code pom.xml} says (see {@link ProjectPom}). The derived names are the generator's own, so
 * that the project's jar is the one the generated launcher and Dockerfile start and its main class is the server
 * class the generator emits.
 *
 * @param groupId the project's groupId
 * @param artifactId the project's artifactId
 * @param version the project's version
 * @param packageName the Java package of the generated classes
 * @param serverName the MCP server name
 * @param specFileName the spec's file name inside {@code src/main/openapi/}
 * @param deploy whether the plugin also writes the deployment files
 * @param openapi2mcpVersion the version of the plugin and the runtime the project pins
 */
public record ProjectSettings(String groupId, String artifactId, String version, String packageName,
    String serverName, String specFileName, boolean deploy, String openapi2mcpVersion) {

  public ProjectSettings {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(specFileName, "specFileName");
    Objects.requireNonNull(openapi2mcpVersion, "openapi2mcpVersion");
  }

  /** The fully qualified server class, e.g. {@code com.example.PetstoreServer}: the jar's main class. */
  public String mainClass() {
    return packageName + "." + new NamingStrategy(GeneratorConfig.DEFAULT_MAX_TOOL_NAME_LENGTH)
        .serverClassName(serverName);
  }

  /**
   * The shaded jar's file name, e.g. {@code petstore-mcp-server.jar}: the name the generated Dockerfile and
   * launcher expect in {@code target/}.
   */
  public String jarName() {
    return DeploymentNames.resourceName(serverName) + "-mcp-server.jar";
  }
}
