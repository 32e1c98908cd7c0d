package dev.openapi2mcp.generator.cli;

import dev.openapi2mcp.generator.naming.DeploymentNames;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * The options of {@code init}, which writes a new Maven project that builds a runnable MCP server from one spec
 * (see {@link NewProject}). What is not given is derived: the server name from the spec's file name (as
 * {@code generate} does), the artifact id from the server name, the group id from the package.
 */
public final class InitOptions {

  /** The version of a new project unless {@code --version} is given. */
  static final String DEFAULT_VERSION = "1.0.0-SNAPSHOT";

  /** The option table of {@code init}, in the order the usage lists it. */
  public static final List<Option<InitOptions>> TABLE = List.of(
      Option.required("--spec", "FILE", "the OpenAPI description, copied into the project's src/main/openapi/",
          (o, v) -> o.spec = path("--spec", v)),
      Option.required("--package", "PACKAGE", "the Java package of the generated classes",
          (o, v) -> o.packageName = javaPackage(v)),
      Option.required("--dir", "DIR", "the project directory to create; it must not exist or be empty",
          (o, v) -> o.directory = path("--dir", v)),
      Option.optional("--server-name", "NAME",
          "the MCP server name (default: the spec's file name without .json/.yaml/.yml)",
          (o, v) -> o.serverName = text("--server-name", v)),
      Option.optional("--group-id", "ID", "the project's groupId (default: the package)",
          (o, v) -> o.groupId = text("--group-id", v)),
      Option.optional("--artifact-id", "ID", "the project's artifactId (default: NAME-mcp-server)",
          (o, v) -> o.artifactId = text("--artifact-id", v)),
      Option.optional("--version", "VERSION", "the project's version (default: " + DEFAULT_VERSION + ")",
          (o, v) -> o.version = text("--version", v)),
      Option.flag("--deploy",
          "also generate the deployment files (Dockerfile, Kubernetes manifests, launcher) into target/deploy",
          o -> o.deploy = true));

  private Path spec;
  private String packageName;
  private Path directory;
  private String serverName;
  private String groupId;
  private String artifactId;
  private String version = DEFAULT_VERSION;
  private boolean deploy;

  private InitOptions() {}

  /** Parses the arguments after {@code init}. */
  public static InitOptions parse(List<String> args) throws UsageException {
    InitOptions options = OptionParser.parse(TABLE, args, new InitOptions());
    if (options.serverName == null) {
      options.serverName = ServerNames.fromSpec(options.spec.toString());
    }
    if (options.groupId == null) {
      options.groupId = options.packageName;
    }
    if (options.artifactId == null) {
      options.artifactId = DeploymentNames.resourceName(options.serverName) + "-mcp-server";
    }
    return options;
  }

  /** The project these options describe, with the generator version this command line belongs to. */
  public ProjectSettings settings(String openapi2mcpVersion) {
    return new ProjectSettings(groupId, artifactId, version, packageName, serverName,
        spec.getFileName().toString(), deploy, openapi2mcpVersion);
  }

  public Path spec() {
    return spec;
  }

  public Path directory() {
    return directory;
  }

  private static Path path(String option, String value) throws UsageException {
    try {
      Path path = Path.of(text(option, value));
      if (path.getFileName() == null) {
        throw new UsageException("option " + option + " needs a file or directory name, was given '" + value + "'");
      }
      return path;
    } catch (InvalidPathException e) {
      throw new UsageException("option " + option + " is not a valid path: '" + value + "'");
    }
  }

  /**
   * A value the pom can hold as it is: no control character (XML 1.0 cannot hold most of them) and no {@code $}{
   * (Maven would expand it as a property).
   */
  private static String text(String option, String value) throws UsageException {
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new UsageException("option " + option + " holds a control character");
    }
    if (value.contains("${")) {
      throw new UsageException("option " + option + " holds '${', which Maven would expand: '" + value + "'");
    }
    return value;
  }

  /** A dotted Java name without keywords, such as {@code com.example.petstore}: what the generated classes need. */
  private static String javaPackage(String value) throws UsageException {
    if (!SourceVersion.isName(value)) {
      throw new UsageException("option --package is not a Java package name: '" + value + "'");
    }
    return value;
  }
}
