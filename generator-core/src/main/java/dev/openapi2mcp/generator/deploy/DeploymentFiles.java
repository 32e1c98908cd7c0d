package dev.openapi2mcp.generator.deploy;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.output.GeneratedFile;
import dev.openapi2mcp.generator.output.OutputWriter;
import dev.openapi2mcp.generator.tool.ServerModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deployment files of a generated server (issue 5): a Dockerfile that runs its shaded jar over stateless
 * Streamable HTTP, and Kubernetes manifests (a Deployment of two replicas with liveness and readiness probes on
 * {@code /healthz} and {@code /readyz}, resources, a non-root security context and the upstream credentials from a
 * Secret; a Service; a CPU HorizontalPodAutoscaler), and a launcher script {@code bin/<name>-mcp-server} that starts
 * the jar with a class-data sharing archive for a fast cold start (issue 6), rendered from the templates in
 * {@code templates/}; a Kustomize base of the Deployment and Service with the overlays {@code replicas},
 * {@code secrets}, {@code inbound-auth} and {@code stateless-hpa}; and {@code server.json}, the server's MCP
 * Registry entry ({@link RegistryEntry}).
 *
 * <p>Invariants: the files are a pure function of the server model (byte-identical across runs); they are written
 * like the sources (atomically, unchanged files untouched); nothing else in the directory is removed; the launcher
 * is executable where the file system has POSIX permissions.
 */
public final class DeploymentFiles {
  private DeploymentFiles() {}

  /** Renders the files, with paths relative to the deployment directory, in a fixed order. */
  public static List<GeneratedFile> render(ServerModel server) throws IOException {
    List<GeneratedFile> files = new ArrayList<>();
    for (Rendered rendered : renderAll(server)) {
      files.add(rendered.file());
    }
    return files;
  }

  /** One rendered file and whether it is a program. */
  private record Rendered(GeneratedFile file, boolean executable) {}

  private static List<Rendered> renderAll(ServerModel server) throws IOException {
    Map<String, String> values = DeploymentVariables.of(server);
    List<Rendered> files = new ArrayList<>();
    for (DeploymentTemplates.Entry entry : DeploymentTemplates.load()) {
      Path output = Path.of(entry.output().render(values));
      byte[] content = entry.template().render(values).getBytes(StandardCharsets.UTF_8);
      files.add(new Rendered(new GeneratedFile(output, content), entry.executable()));
    }
    files.add(new Rendered(RegistryEntry.render(server), false));
    return files;
  }

  /**
   * Adds execute permission for everyone who may read the file; a no-op on file systems without POSIX permissions
   * (the launcher is a POSIX shell script, useless there anyway).
   */
  private static void makeExecutable(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = EnumSet.copyOf(view.readAttributes().permissions());
    boolean changed = permissions.add(PosixFilePermission.OWNER_EXECUTE);
    if (permissions.contains(PosixFilePermission.GROUP_READ)) {
      changed |= permissions.add(PosixFilePermission.GROUP_EXECUTE);
    }
    if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
      changed |= permissions.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    if (changed) {
      view.setPermissions(permissions);
    }
  }

  /**
   * Renders the files into {@code directory}; does nothing when it is null.
   *
   * @throws GenerationException with the diagnostics so far and one naming the directory, when the files cannot be
   *     rendered or written
   */
  public static void write(Path directory, ServerModel server, Diagnostics diagnostics) throws GenerationException {
    if (directory == null) {
      return;
    }
    try {
      List<Rendered> rendered = renderAll(server);
      List<GeneratedFile> files = new ArrayList<>();
      rendered.forEach(file -> files.add(file.file()));
      OutputWriter.write(directory, files);
      for (Rendered file : rendered) {
        if (file.executable()) {
          makeExecutable(directory.resolve(file.file().relativePath()));
        }
      }
    } catch (IOException e) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "cannot write the deployment files: " + e.getMessage(),
          directory.toString(), null, null));
      throw new GenerationException("Writing the deployment files to " + directory + " failed", diagnostics.all());
    }
  }
}
