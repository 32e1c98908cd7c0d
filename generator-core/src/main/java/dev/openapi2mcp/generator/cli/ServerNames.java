package dev.openapi2mcp.generator.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** The default server name of the command line: the spec's file name without its extension. */
public final class ServerNames {

  /**
   * A URL scheme of at least two characters, so that a Windows drive letter ({@code C:\specs\api.yaml}) is
   * still taken for a file path.
   */
  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  private static final Pattern SPEC_EXTENSION = Pattern.compile("\\.(json|ya?ml)$", Pattern.CASE_INSENSITIVE);

  private ServerNames() {}

  /**
   * The last segment of the spec's path (file path or URL path, query left out) without a {@code .json},
   * {@code .yaml} or {@code .yml} extension; for a URL without a path, its host. {@code petstore.json} →
   * {@code petstore}, {@code https://example.com/v1/openapi.yaml?raw=1} → {@code openapi}.
   *
   * @throws UsageException when that leaves nothing, asking for {@code --server-name}
   */
  public static String fromSpec(String spec) throws UsageException {
    String segment = lastSegment(spec.trim());
    String name = SPEC_EXTENSION.matcher(segment).replaceFirst("").trim();
    if (name.isEmpty()) {
      throw new UsageException("cannot derive a server name from --spec '" + spec + "': give --server-name");
    }
    return name;
  }

  private static String lastSegment(String spec) {
    if (URL_SCHEME.matcher(spec).find()) {
      try {
        URI uri = new URI(spec);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        String segment = path.substring(path.lastIndexOf('/') + 1);
        if (!segment.isEmpty() || uri.getHost() == null) {
          return segment;
        }
        return uri.getHost().toLowerCase(Locale.ROOT);
      } catch (URISyntaxException e) {
        return "";
      }
    }
    try {
      Path fileName = Path.of(spec).getFileName();
      return fileName == null ? "" : fileName.toString();
    } catch (InvalidPathException e) {
      return "";
    }
  }
}
