package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.transport.http.HttpTransportOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of a generated server's command line. Options take their value as the next argument or after
 * {@code =}; a repeated option overrides the earlier one, except {@code --allow-origin} and {@code --forward-header},
 * which accumulate.
 *
 * @param baseUrl the {@code --base-url} value, or null when not given
 * @param allowedOrigins the {@code --allow-origin} values, in order
 * @param maxResponseBytes the {@code --max-response-bytes} value (the response budget), or null for the default
 * @param fileRoot the {@code --file-root} directory whose files multipart file parts may name, or null (no local
 *     files are read)
 * @param maxFileBytes the {@code --max-file-size} limit of one file part or binary body, in bytes
 * @param inbound TLS and inbound auth of the HTTP transport (issue 5)
 * @param upstream authentication toward the API beyond environment variables (issue 5)
 */
public record CommandLine(
    Transport transport, String host, int port, String baseUrl, List<String> allowedOrigins, boolean help,
    Long maxResponseBytes, Path fileRoot, long maxFileBytes, InboundOptions inbound, OutboundOptions upstream) {

  /** How MCP clients reach the server. */
  public enum Transport {
    STDIO,
    HTTP
  }

  public CommandLine {
    allowedOrigins = List.copyOf(allowedOrigins);
    java.util.Objects.requireNonNull(inbound, "inbound");
    java.util.Objects.requireNonNull(upstream, "upstream");
  }

  /** Without upstream options beyond the environment. */
  public CommandLine(
      Transport transport, String host, int port, String baseUrl, List<String> allowedOrigins, boolean help,
      Long maxResponseBytes, Path fileRoot, long maxFileBytes, InboundOptions inbound) {
    this(transport, host, port, baseUrl, allowedOrigins, help, maxResponseBytes, fileRoot, maxFileBytes, inbound,
        OutboundOptions.NONE);
  }

  /** Without TLS and inbound auth. */
  public CommandLine(
      Transport transport, String host, int port, String baseUrl, List<String> allowedOrigins, boolean help,
      Long maxResponseBytes, Path fileRoot, long maxFileBytes) {
    this(transport, host, port, baseUrl, allowedOrigins, help, maxResponseBytes, fileRoot, maxFileBytes,
        InboundOptions.NONE);
  }

  /** Without a response budget of its own, without local files and with the default file-size limit. */
  public CommandLine(
      Transport transport, String host, int port, String baseUrl, List<String> allowedOrigins, boolean help) {
    this(transport, host, port, baseUrl, allowedOrigins, help, null);
  }

  /** Without local files and with the default file-size limit. */
  public CommandLine(
      Transport transport, String host, int port, String baseUrl, List<String> allowedOrigins, boolean help,
      Long maxResponseBytes) {
    this(transport, host, port, baseUrl, allowedOrigins, help, maxResponseBytes, null,
        ExecutorOptions.DEFAULT_MAX_FILE_BYTES);
  }

  /**
   * Parses the arguments. {@code --help} (or {@code -h}) anywhere wins over everything else.
   *
   * @throws UsageException for an unknown option, a missing value or a bad value, naming it
   */
  public static CommandLine parse(String... args) throws UsageException {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return new CommandLine(Transport.STDIO, HttpTransportOptions.DEFAULT_HOST,
            HttpTransportOptions.DEFAULT_PORT, null, List.of(), true);
      }
    }
    Transport transport = Transport.STDIO;
    String host = HttpTransportOptions.DEFAULT_HOST;
    int port = HttpTransportOptions.DEFAULT_PORT;
    String baseUrl = null;
    List<String> origins = new ArrayList<>();
    Long maxResponseBytes = null;
    Path fileRoot = null;
    long maxFileBytes = ExecutorOptions.DEFAULT_MAX_FILE_BYTES;
    InboundOptions inbound = InboundOptions.NONE;
    OutboundOptions upstream = OutboundOptions.NONE;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String value;
      if (!isKnown(name)) {
        throw new UsageException("unknown option '" + name + "'");
      }
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("option " + name + " needs a value");
      }
      switch (name) {
        case "--transport" -> transport = transport(value);
        case "--host" -> host = host(value);
        case "--port" -> port = port(value);
        case "--base-url" -> baseUrl = baseUrl(value);
        case "--allow-origin" -> origins.add(origin(value));
        case "--max-response-bytes" -> maxResponseBytes = bytes(name, value);
        case "--file-root" -> fileRoot = fileRoot(value);
        case "--max-file-size" -> maxFileBytes = bytes(name, value);
        default -> {
          if (OutboundOptions.NAMES.contains(name)) {
            upstream = upstream.with(name, value);
          } else {
            inbound = inbound.with(name, value);
          }
        }
      }
    }
    inbound.check(transport);
    upstream.check(transport);
    return new CommandLine(transport, host, port, baseUrl, origins, false, maxResponseBytes, fileRoot,
        maxFileBytes, inbound, upstream);
  }

  private static boolean isKnown(String name) {
    return List.of("--transport", "--host", "--port", "--base-url", "--allow-origin", "--max-response-bytes",
        "--file-root", "--max-file-size").contains(name) || InboundOptions.NAMES.contains(name)
        || OutboundOptions.NAMES.contains(name);
  }

  /** An existing directory, made absolute and real so that later checks compare like with like. */
  private static Path fileRoot(String value) throws UsageException {
    try {
      Path directory = Path.of(value);
      if (Files.isDirectory(directory)) {
        return directory.toRealPath();
      }
    } catch (InvalidPathException | IOException e) {
      // reported below
    }
    throw new UsageException("--file-root must be an existing directory, was '" + value + "'");
  }

  /** A positive number of bytes, optionally with a binary suffix: {@code 65536}, {@code 64k}, {@code 4m}. */
  private static long bytes(String name, String value) throws UsageException {
    String text = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (text.endsWith("k") || text.endsWith("m")) {
      unit = text.endsWith("k") ? 1024 : 1024 * 1024;
      text = text.substring(0, text.length() - 1);
    }
    try {
      long number = Long.parseLong(text);
      if (number >= 1 && number <= Long.MAX_VALUE / unit) {
        return number * unit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " must be a positive number of bytes (e.g. 65536, 64k, 4m), was '" + value
        + "'");
  }

  private static Transport transport(String value) throws UsageException {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "stdio" -> Transport.STDIO;
      case "http" -> Transport.HTTP;
      default -> throw new UsageException("--transport must be stdio or http, was '" + value + "'");
    };
  }

  private static String host(String value) throws UsageException {
    String host = value.trim();
    if (host.isEmpty() || host.contains("/") || host.contains(" ")) {
      throw new UsageException("--host must be a host name or IP address, was '" + value + "'");
    }
    // [::1] is how IPv6 addresses appear in URLs; the socket API wants them bare.
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static int port(String value) throws UsageException {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--port must be a number from 0 to 65535, was '" + value + "'");
  }

  private static String baseUrl(String value) throws UsageException {
    if (!isHttpUrl(value)) {
      throw new UsageException("--base-url must be an absolute http or https URL, was '" + value + "'");
    }
    return value;
  }

  /** Whether the text is an absolute http(s) URL with a host. */
  public static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String origin(String value) throws UsageException {
    if (!isHttpUrl(value)) {
      throw new UsageException("--allow-origin must be an http(s) origin such as https://app.example.com, was '"
          + value + "'");
    }
    return value;
  }
}
