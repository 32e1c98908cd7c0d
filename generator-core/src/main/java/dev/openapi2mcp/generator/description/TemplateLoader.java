package dev.openapi2mcp.generator.description;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads the description template: the user's file when given, else the default from the templates module. */
public final class TemplateLoader {

  /** Classpath location of the default template, in the {@code openapi2mcp-templates} jar. */
  public static final String DEFAULT_RESOURCE = "openapi2mcp/templates/tool-description.txt";

  private TemplateLoader() {}

  /**
   * The parsed template, or null after recording an error (naming the file and line) in {@code diagnostics}.
   *
   * @param userTemplate the user's template file, or null for the default
   */
  public static DescriptionTemplate load(Path userTemplate, Diagnostics diagnostics) {
    String origin = userTemplate == null ? "classpath:" + DEFAULT_RESOURCE : userTemplate.toString();
    String source;
    try {
      source = userTemplate == null ? readDefault() : Files.readString(userTemplate, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      diagnostics.add(error("descriptionTemplate not found: " + userTemplate, origin));
      return null;
    } catch (IOException | UncheckedIOException e) {
      diagnostics.add(error("cannot read the description template: " + e.getMessage(), origin));
      return null;
    }
    try {
      return DescriptionTemplate.parse(source, DescriptionComposer.NAMES);
    } catch (TemplateException e) {
      diagnostics.add(error("description template: " + e.getMessage(), origin));
      return null;
    }
  }

  private static Diagnostic error(String message, String file) {
    return new Diagnostic(Diagnostic.Severity.ERROR, message, file, null, null);
  }

  private static String readDefault() throws IOException {
    try (InputStream in = TemplateLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IOException(DEFAULT_RESOURCE + " is missing from the classpath (openapi2mcp-templates jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
