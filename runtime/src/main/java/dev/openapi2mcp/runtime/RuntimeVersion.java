package dev.openapi2mcp.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The runtime's own version, from a resource the build writes. A resource rather than the jar manifest, because a
 * generated server is usually a shaded jar whose manifest is the server's, not the runtime's.
 */
public final class RuntimeVersion {
  private static final String VERSION = load();

  private RuntimeVersion() {}

  /** The runtime version, e.g. {@code 0.1.0}; {@code dev} when run from classes the build did not filter. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = RuntimeVersion.class.getResourceAsStream("runtime.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "dev");
      return version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
