package dev.openapi2mcp.generator.deploy;

import dev.openapi2mcp.generator.description.DescriptionTemplate;
import dev.openapi2mcp.generator.description.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The deployment templates shipped in the {@code openapi2mcp-templates} jar and where each one's output goes. They
 * use only {@code {{name}}} and {@code {{#name}}…{{/name}}} of the description template syntax.
 */
final class DeploymentTemplates {
  /** Classpath folder of the templates; below it, the same relative paths as in the output. */
  static final String ROOT = "openapi2mcp/templates/deploy/";

  /**
   * The files, in the order they are written: the template's path relative to the template root, its output's path
   * relative to the output directory (itself a template of the same values), and whether the output is a program.
   */
  static final List<File> FILES = List.of(
      new File("Dockerfile", "Dockerfile", false),
      new File("kubernetes/deployment.yaml", "kubernetes/deployment.yaml", false),
      new File("kubernetes/service.yaml", "kubernetes/service.yaml", false),
      new File("kubernetes/hpa.yaml", "kubernetes/hpa.yaml", false),
      // Kustomize refuses resources outside a kustomization's folder, so the base holds its own copies.
      new File("kubernetes/deployment.yaml", "kubernetes/kustomize/base/deployment.yaml", false),
      new File("kubernetes/service.yaml", "kubernetes/kustomize/base/service.yaml", false),
      new File("kubernetes/kustomize/base/kustomization.yaml", "kubernetes/kustomize/base/kustomization.yaml", false),
      overlay("replicas/kustomization.yaml"),
      overlay("secrets/kustomization.yaml"),
      overlay("secrets/credentials.env.example"),
      // Packaging leaves dot files out of jars by default, hence the template's name without the dot.
      new File("kubernetes/kustomize/overlays/secrets/gitignore", "kubernetes/kustomize/overlays/secrets/.gitignore",
          false),
      overlay("inbound-auth/kustomization.yaml"),
      overlay("inbound-auth/inbound-auth.yaml"),
      overlay("stateless-hpa/kustomization.yaml"),
      new File("kubernetes/hpa.yaml", "kubernetes/kustomize/overlays/stateless-hpa/hpa.yaml", false),
      // Issue 6: the launcher that starts the jar with a class-data sharing archive.
      new File("bin/launcher", "bin/{{name}}-mcp-server", true));

  private static File overlay(String path) {
    String overlay = "kubernetes/kustomize/overlays/" + path;
    return new File(overlay, overlay, false);
  }

  /** Where one template comes from and where its output goes. */
  record File(String template, String output, boolean executable) {}

  /** One parsed template, the parsed template of its output's relative path, and whether the output is a program. */
  record Entry(DescriptionTemplate output, DescriptionTemplate template, boolean executable) {}

  private DeploymentTemplates() {}

  /**
   * Loads and parses every template.
   *
   * @throws IOException naming the template when one is missing or malformed (a broken build of openapi2mcp, not a
   *     user error)
   */
  static List<Entry> load() throws IOException {
    List<Entry> entries = new java.util.ArrayList<>();
    for (File file : FILES) {
      String resource = ROOT + file.template();
      String source;
      try (InputStream in = DeploymentTemplates.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException(resource + " is missing from the classpath (openapi2mcp-templates jar)");
        }
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      try {
        entries.add(new Entry(DescriptionTemplate.parse(file.output(), DeploymentVariables.NAMES),
            DescriptionTemplate.parse(source, DeploymentVariables.NAMES), file.executable()));
      } catch (TemplateException e) {
        throw new IOException("template " + resource + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(entries);
  }
}
