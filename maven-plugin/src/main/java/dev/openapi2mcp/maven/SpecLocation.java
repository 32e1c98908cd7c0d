package dev.openapi2mcp.maven;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Turns the {@code inputSpec} parameter into what {@code GeneratorConfig.inputSpec} expects. */
final class SpecLocation {

  /**
   * A URL scheme of at least two characters, so that a Windows drive letter ({@code C:\specs\api.yaml}) is
   * still taken for a file path.
   */
  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  private SpecLocation() {}

  /**
   * Returns {@code inputSpec} unchanged when it is a URL ({@code http:}, {@code https:}, {@code file:} …), else
   * the absolute, normalized file path, a relative path being resolved against {@code basedir} (not against the
   * working directory, which differs between command line, IDE and reactor builds).
   */
  static String resolve(String inputSpec, Path basedir) {
    String trimmed = inputSpec.trim();
    if (URL_SCHEME.matcher(trimmed).find()) {
      return trimmed;
    }
    return basedir.resolve(trimmed).toAbsolutePath().normalize().toString();
  }
}
