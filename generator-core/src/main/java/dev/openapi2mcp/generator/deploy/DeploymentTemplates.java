package dev.openapi2mcp.generator.deploy;

import dev.openapi2mcp.generator.description.DescriptionTemplate;
import dev.openapi2mcp.generator.description.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The deployment templates shipped in the {@code openapi2mcp-templates} jar and where each one's output goes. They
 * use only {@code {{name}}} and {@code {{#name}}…{{/name}}} of the description template syntax.
 */
final class DeploymentTemplates {
  /** Classpath folder of the templates; below it, the same relative paths as in the output. */
  static final String ROOT = "openapi2mcp/templates/deploy/";

  /** The files, in the order they are written; each path is relative to the template root and the output. */
  static final List<String> FILES = List.of(
      "Dockerfile",
      "kubernetes/deployment.yaml",
      "kubernetes/service.yaml",
      "kubernetes/hpa.yaml");

  /** One parsed template and the relative path of its output. */
  record Entry(Path output, DescriptionTemplate template) {}

  private DeploymentTemplates() {}

  /**
   * Loads and parses every template.
   *
   * @throws IOException naming the template when one is missing or malformed (a broken build of openapi2mcp, not a
   *     user error)
   */
  static List<Entry> load() throws IOException {
    List<Entry> entries = new java.util.ArrayList<>();
    for (String file : FILES) {
      String resource = ROOT + file;
      String source;
      try (InputStream in = DeploymentTemplates.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException(resource + " is missing from the classpath (openapi2mcp-templates jar)");
        }
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      try {
        entries.add(new Entry(Path.of(file), DescriptionTemplate.parse(source, DeploymentVariables.NAMES)));
      } catch (TemplateException e) {
        throw new IOException("template " + resource + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(entries);
  }
}
