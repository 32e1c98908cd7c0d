package dev.openapi2mcp.generator.tool;

import java.util.Locale;

/**
 * How a model hands over the file parts of a {@code multipart/form-data} body.
 *
 * <p>{@link #BASE64} is the default because it works wherever the server runs: the model puts the bytes in the
 * call. {@link #PATH} lets the model name a local file instead, which the server reads only inside the directory
 * it was started with ({@code --file-root}); use it for files too large to pass through the model. {@link #BOTH}
 * offers either.
 */
public enum FileParts {
  BASE64,
  PATH,
  BOTH;

  public boolean allowsContent() {
    return this != PATH;
  }

  public boolean allowsPath() {
    return this != BASE64;
  }

  /**
   * Parses a configuration value ({@code base64}, {@code path}, {@code both}; any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static FileParts parse(String value) {
    if (value != null) {
      for (FileParts mode : values()) {
        if (mode.name().equalsIgnoreCase(value.strip())) {
          return mode;
        }
      }
    }
    throw new IllegalArgumentException("fileParts must be base64, path or both, was '" + value + "'");
  }

  /** The configuration spelling, e.g. {@code base64}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
