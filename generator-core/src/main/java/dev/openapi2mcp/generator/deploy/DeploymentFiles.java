package dev.openapi2mcp.generator.deploy;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.output.GeneratedFile;
import dev.openapi2mcp.generator.output.OutputWriter;
import dev.openapi2mcp.generator.tool.ServerModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deployment files of a generated server (issue 5): a Dockerfile that runs its shaded jar over stateless
 * Streamable HTTP, and Kubernetes manifests (a Deployment of two replicas with liveness and readiness probes on
 * {@code /healthz} and {@code /readyz}, resources, a non-root security context and the upstream credentials from a
 * Secret; a Service; a CPU HorizontalPodAutoscaler), rendered from the templates in {@code templates/}.
 *
 * <p>Invariants: the files are a pure function of the server model (byte-identical across runs); they are written
 * like the sources (atomically, unchanged files untouched); nothing else in the directory is removed.
 */
public final class DeploymentFiles {
  private DeploymentFiles() {}

  /** Renders the files, with paths relative to the deployment directory, in a fixed order. */
  public static List<GeneratedFile> render(ServerModel server) throws IOException {
    Map<String, String> values = DeploymentVariables.of(server);
    List<GeneratedFile> files = new ArrayList<>();
    for (DeploymentTemplates.Entry entry : DeploymentTemplates.load()) {
      files.add(new GeneratedFile(entry.output(), entry.template().render(values).getBytes(StandardCharsets.UTF_8)));
    }
    return files;
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
      OutputWriter.write(directory, render(server));
    } catch (IOException e) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "cannot write the deployment files: " + e.getMessage(),
          directory.toString(), null, null));
      throw new GenerationException("Writing the deployment files to " + directory + " failed", diagnostics.all());
    }
  }
}
