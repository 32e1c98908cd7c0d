package dev.openapi2mcp.generator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.testing.CompiledServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: the launcher rendered beside the deployment files starts the server's jar with a class-data sharing
 * archive, recorded by the first start and mapped by later ones, without ever writing to the MCP stdout.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The jars the runtime needs, by file name; the test class path holds many more. */
  private static final Pattern RUNTIME_JARS =
      Pattern.compile("(jackson-(core|databind|annotations)|okhttp|okio|kotlin-stdlib|nimbus-jose-jwt|jcip)[^/]*\\.jar");
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  @TempDir
  Path temp;

  private Path dist;
  private Path launcher;
  private Path jar;
  private Path archive;

  /** Generates petstore, packs it as {@code dist/petstore-mcp-server.jar} and puts the launcher beside it. */
  @BeforeEach
  void packagePetstore() throws Exception {
    Path deploy = temp.resolve("deploy");
    Path sources = temp.resolve("src");
    Generator.run(Specs.config("petstore.json", sources, "petstore").withDeploymentDirectory(deploy));
    Path rendered = deploy.resolve("bin/petstore-mcp-server");
    assertThat(Files.getPosixFilePermissions(rendered)).contains(PosixFilePermission.OWNER_EXECUTE);

    dist = Files.createDirectories(temp.resolve("dist"));
    jar = dist.resolve("petstore-mcp-server.jar");
    archive = dist.resolve("petstore-mcp-server.jar.jsa");
    launcher = dist.resolve("petstore-mcp-server");
    Files.copy(rendered, launcher, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    writeJar(CompiledServer.compile(sources), serverClass(sources));
  }

  @Test
  void theFirstStartRecordsTheArchiveAndTheSecondMapsIt() throws Exception {
    Run first = start(Map.of());
    assertThat(first.initializeName()).isEqualTo("petstore");
    assertThat(archive).isRegularFile();
    assertThat(Files.size(archive)).isPositive();
    try (Stream<Path> files = Files.list(dist)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no partial archive is left behind")
          .containsExactlyInAnyOrder("petstore-mcp-server", "petstore-mcp-server.jar", "petstore-mcp-server.jar.jsa",
              "lib");
    }
    FileTime recorded = Files.getLastModifiedTime(archive);

    Path classLog = temp.resolve("classes.log");
    Run second = start(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
    assertThat(second.initializeName()).isEqualTo("petstore");
    assertThat(Files.getLastModifiedTime(archive)).as("a valid archive is mapped, not rewritten").isEqualTo(recorded);
    assertThat(loadSource(classLog, "dev.openapi2mcp.runtime.mcp.McpServer")).contains("shared objects file (top)");
  }

  @Test
  void aNewerJarMakesTheNextStartRecordAFreshArchive() throws Exception {
    start(Map.of());
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(archive, old);
    Run again = start(Map.of());
    assertThat(again.initializeName()).isEqualTo("petstore");
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(old);
  }

  @Test
  void concurrentFirstStartsBothServeAndLeaveOneArchive() throws Exception {
    Process a = launch(Map.of());
    Process b = launch(Map.of());
    Run first = finish(a);
    Run second = finish(b);
    assertThat(first.initializeName()).isEqualTo("petstore");
    assertThat(second.initializeName()).isEqualTo("petstore");
    try (Stream<Path> files = Files.list(dist)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.contains(".jsa")))
          .containsExactly("petstore-mcp-server.jar.jsa");
    }
    Path classLog = temp.resolve("classes.log");
    start(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
    assertThat(loadSource(classLog, "dev.openapi2mcp.runtime.mcp.McpServer")).contains("shared objects file (top)");
  }

  /** What the server wrote on stdout and how it ended. */
  private record Run(List<String> stdout, int exitCode, String stderr) {
    /** The server name of the {@code initialize} answer; every stdout line must be a JSON-RPC message. */
    String initializeName() throws IOException {
      assertThat(exitCode).as("exit code; stderr: " + stderr).isZero();
      assertThat(stdout).as("stdout holds the initialize answer and nothing else; stderr: " + stderr).hasSize(1);
      JsonNode answer = JSON.readTree(stdout.get(0));
      assertThat(answer.path("id").asInt()).isEqualTo(1);
      return answer.at("/result/serverInfo/name").asText();
    }
  }

  private Run start(Map<String, String> environment) throws Exception {
    return finish(launch(environment));
  }

  /** Runs the launcher itself (not {@code sh launcher}: its execute bit is part of what is tested). */
  private Process launch(Map<String, String> environment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(launcher.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("OPENAPI2MCP_JAR");
    builder.environment().remove("OPENAPI2MCP_CDS_ARCHIVE");
    builder.environment().putAll(environment);
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return process;
  }

  private static Run finish(Process process) throws Exception {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the server ends at the end of its input").isTrue();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(stdout.lines().toList(), process.exitValue(), stderr);
  }

  /** The {@code source:} of a class in a {@code -Xlog:class+load} file. */
  private static String loadSource(Path log, String className) throws IOException {
    return Files.readAllLines(log).stream()
        .filter(line -> line.contains(" " + className + " source: "))
        .findFirst()
        .orElseThrow(() -> new AssertionError(className + " not loaded; log: " + log));
  }

  private static String serverClass(Path sources) throws IOException {
    try (Stream<Path> walk = Files.walk(sources)) {
      Path server = walk.filter(p -> p.getFileName().toString().endsWith("Server.java")).findFirst().orElseThrow();
      return sources.relativize(server).toString().replace(File.separatorChar, '.').replaceAll("\\.java$", "");
    }
  }

  /**
   * Packs the generated classes and the runtime's into the jar, with the runtime's dependencies in {@code lib/} on
   * its manifest class path: like the shaded jar, everything is a jar file, which the archive requires.
   */
  private void writeJar(Compilation compilation, String mainClass) throws IOException, URISyntaxException {
    Path lib = Files.createDirectories(dist.resolve("lib"));
    List<String> classPath = new ArrayList<>();
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : testClassPath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (RUNTIME_JARS.matcher(path.getFileName().toString()).matches() && Files.isRegularFile(path)) {
        Files.copy(path, lib.resolve(path.getFileName()));
        classPath.add("lib/" + path.getFileName());
      }
    }
    Path runtime = Path.of(ServerDefinition.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isRegularFile(runtime)) {
      Files.copy(runtime, lib.resolve(runtime.getFileName()));
      classPath.add("lib/" + runtime.getFileName());
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          String path = file.toUri().getPath();
          String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
          try (InputStream in = file.openInputStream()) {
            add(out, name, in.readAllBytes());
          }
        }
      }
      if (Files.isDirectory(runtime)) {
        try (Stream<Path> walk = Files.walk(runtime)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            add(out, runtime.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
          }
        }
      }
    }
  }

  private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }
}
