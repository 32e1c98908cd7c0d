package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.resilience.Durations;
import dev.openapi2mcp.runtime.http.resilience.RateLimit;
import dev.openapi2mcp.runtime.transport.http.HttpTransportOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The options of a generated server's command line. Options take their value as the next argument or after
 * {@code =}; a repeated option overrides the earlier one, except {@code --allow-origin}, {@code --redact-header} and
 * {@code --forward-header}, which accumulate, and {@code --base-url NAME=URL}, which sets the base URL of one API of
 * a service catalog (issue 4) each time. {@code --confirm-destructive} and {@code --stateless} are flags and take no
 * value.
 *
 * @param baseUrl the {@code --base-url URL} value, or null when not given
 * @param allowedOrigins the {@code --allow-origin} values, in order
 * @param maxResponseBytes the {@code --max-response-bytes} value (the response budget), or null for the default
 * @param fileRoot the {@code --file-root} directory whose files multipart file parts may name, or null (no local
 *     files are read)
 * @param maxFileBytes the {@code --max-file-size} limit of one file part or binary body, in bytes
 * @param confirmDestructive {@code --confirm-destructive}: destructive tools run only after the user confirmed them
 *     through elicitation (issue 5); a flag without a value
 * @param confirmTimeout the {@code --confirm-timeout} (seconds) a confirmation may take, or null for the default
 * @param inbound TLS and inbound auth of the HTTP transport (issue 5)
 * @param resilience the timeouts, retries and rate limits toward the API (issue 5)
 * @param apiBaseUrls the {@code --base-url NAME=URL} values by API name, sorted by name
 * @param audit where the audit trail goes and what it also redacts (issue 5)
 * @param stateless {@code --stateless}: serve HTTP without sessions, so that replicas can share the work (issue 5);
 *     only with {@link Transport#HTTP} and not with {@code --confirm-destructive}, whose elicitation needs a session
 * @param upstream authentication toward the API beyond environment variables (issue 5)
 * @param sessions the limits on HTTP sessions: how many one client may hold, how long an unused one lives
 * @param pageSize {@code --page-size N}: how many tools one {@code tools/list} page holds, or null for the
 *     launch context's (100 by default); MCP clients are expected to follow {@code nextCursor} to the next page
 */
public record CommandLine(
    Transport transport, String host, int port, String baseUrl, List<String> allowedOrigins, boolean help,
    Long maxResponseBytes, Path fileRoot, long maxFileBytes, boolean confirmDestructive, Duration confirmTimeout,
    InboundOptions inbound, ResilienceOptions resilience,
    Map<String, String> apiBaseUrls, AuditOptions audit, boolean stateless, OutboundOptions upstream,
    SessionOptions sessions, Integer pageSize) {

  /** How MCP clients reach the server. */
  public enum Transport {
    STDIO,
    HTTP
  }

  /** An API name in {@code --base-url NAME=URL}: the namespace of a service catalog's API. */
  private static final Pattern API_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  public CommandLine {
    allowedOrigins = List.copyOf(allowedOrigins);
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(resilience, "resilience");
    apiBaseUrls = Collections.unmodifiableMap(new TreeMap<>(apiBaseUrls));
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(sessions, "sessions");
  }

  /**
   * The options of a run given only these: no response budget of its own, no local files, no inbound security,
   * confirmation, base URLs per API or {@code --stateless}; default timeouts, retries, audit trail and upstream
   * credentials from the environment.
   */
  public CommandLine(
      Transport transport, String host, int port, String baseUrl, List<String> allowedOrigins, boolean help) {
    this(transport, host, port, baseUrl, allowedOrigins, help, null, null, ExecutorOptions.DEFAULT_MAX_FILE_BYTES,
        false, null, InboundOptions.NONE, ResilienceOptions.defaults(), Map.of(), AuditOptions.defaults(), false,
        OutboundOptions.NONE, SessionOptions.defaults(), null);
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
    Map<String, String> apiBaseUrls = new TreeMap<>();
    List<String> origins = new ArrayList<>();
    Long maxResponseBytes = null;
    Path fileRoot = null;
    long maxFileBytes = ExecutorOptions.DEFAULT_MAX_FILE_BYTES;
    InboundOptions inbound = InboundOptions.NONE;
    OutboundOptions upstream = OutboundOptions.NONE;
    boolean confirmDestructive = false;
    Duration confirmTimeout = null;
    ResilienceOptions resilience = ResilienceOptions.defaults();
    AuditOptions audit = AuditOptions.defaults();
    boolean stateless = false;
    SessionOptions sessions = SessionOptions.defaults();
    Integer pageSize = null;
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
      if (FLAGS.contains(name)) {
        if (equals >= 0) {
          throw new UsageException("option " + name + " takes no value");
        }
        if (name.equals(STATELESS)) {
          stateless = true;
        } else {
          confirmDestructive = true;
        }
        continue;
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
        case "--base-url" -> {
          Map.Entry<String, String> perApi = apiBaseUrl(value);
          if (perApi == null) {
            baseUrl = baseUrl(value);
          } else {
            apiBaseUrls.put(perApi.getKey(), perApi.getValue());
          }
        }
        case "--allow-origin" -> origins.add(origin(value));
        case "--max-response-bytes" -> maxResponseBytes = bytes(name, value);
        case "--file-root" -> fileRoot = fileRoot(value);
        case "--max-file-size" -> maxFileBytes = bytes(name, value);
        case "--confirm-timeout" -> confirmTimeout = seconds(name, value);
        case "--page-size" -> pageSize = pageSize(value);
        case "--connect-timeout" -> resilience = resilience.withConnectTimeout(duration(name, value));
        case "--read-timeout" -> resilience = resilience.withReadTimeout(duration(name, value));
        case "--call-timeout" -> resilience = resilience.withCallTimeout(duration(name, value));
        case "--retries" -> resilience = resilience.withRetries(retries(value));
        case "--rate-limit" -> resilience = resilience.withRateLimit(rate(name, value));
        case "--rate-limit-per-session" -> resilience = resilience.withRateLimitPerSession(rate(name, value));
        case "--keep-alive" -> resilience = resilience.withKeepAlive(duration(name, value));
        case "--audit-log", "--redact-header" -> audit = audit.with(name, value);
        default -> {
          if (SessionOptions.NAMES.contains(name)) {
            sessions = sessions.with(name, value);
          } else if (OutboundOptions.NAMES.contains(name)) {
            upstream = upstream.with(name, value);
          } else {
            inbound = inbound.with(name, value);
          }
        }
      }
    }
    inbound.check(transport);
    upstream.check(transport);
    checkStateless(stateless, transport, confirmDestructive);
    return new CommandLine(transport, host, port, baseUrl, origins, false, maxResponseBytes, fileRoot,
        maxFileBytes, confirmDestructive, confirmTimeout, inbound, resilience, apiBaseUrls, audit, stateless,
        upstream, sessions, pageSize);
  }

  /** The largest page: a {@code tools/list} answer stays one JSON message, and a client may hold it whole. */
  static final int MAX_PAGE_SIZE = 10_000;

  private static int pageSize(String value) throws UsageException {
    try {
      int size = Integer.parseInt(value.trim());
      if (size >= 1 && size <= MAX_PAGE_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--page-size must be a whole number from 1 to " + MAX_PAGE_SIZE + ", was '" + value + "'");
  }

  private static final String STATELESS = "--stateless";

  /** Options that take no value. */
  private static final List<String> FLAGS = List.of("--confirm-destructive", STATELESS);

  private static void checkStateless(boolean stateless, Transport transport, boolean confirmDestructive)
      throws UsageException {
    if (stateless && transport != Transport.HTTP) {
      throw new UsageException(STATELESS + " applies only to --transport http");
    }
    if (stateless && confirmDestructive) {
      // The user's answer comes back in a later POST, which a load balancer may send to another replica.
      throw new UsageException("--confirm-destructive cannot be combined with " + STATELESS + ": confirming asks the"
          + " user through elicitation, whose answer must reach the same server in the same session; run with"
          + " sessions (and sticky routing) to confirm destructive tools");
    }
  }

  private static boolean isKnown(String name) {
    return FLAGS.contains(name) || InboundOptions.NAMES.contains(name) || AuditOptions.NAMES.contains(name)
        || OutboundOptions.NAMES.contains(name) || SessionOptions.NAMES.contains(name)
        || List.of("--transport", "--host", "--port", "--base-url", "--allow-origin", "--max-response-bytes",
        "--file-root", "--max-file-size", "--confirm-timeout", "--page-size",
        "--connect-timeout", "--read-timeout", "--call-timeout", "--retries", "--rate-limit",
        "--rate-limit-per-session", "--keep-alive").contains(name);
  }

  static Duration duration(String name, String value) throws UsageException {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + " " + e.getMessage());
    }
  }

  private static int retries(String value) throws UsageException {
    try {
      int retries = Integer.parseInt(value.trim());
      if (retries >= 0 && retries <= 10) {
        return retries;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--retries must be a number from 0 to 10, was '" + value + "'");
  }

  private static RateLimit rate(String name, String value) throws UsageException {
    try {
      return RateLimit.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + " " + e.getMessage());
    }
  }

  /** A positive whole number of seconds. */
  private static Duration seconds(String name, String value) throws UsageException {
    try {
      long number = Long.parseLong(value.trim());
      if (number >= 1 && number <= 86_400) {
        return Duration.ofSeconds(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " must be a number of seconds from 1 to 86400, was '" + value + "'");
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

  /**
   * {@code NAME=URL} as a pair, or null when {@code value} is a plain URL (tried first, since a URL may hold
   * {@code =} in its query).
   */
  private static Map.Entry<String, String> apiBaseUrl(String value) throws UsageException {
    int equals = value.indexOf('=');
    if (isHttpUrl(value) || equals <= 0) {
      return null;
    }
    String name = value.substring(0, equals);
    String url = value.substring(equals + 1);
    if (!API_NAME.matcher(name).matches()) {
      return null;
    }
    if (!isHttpUrl(url)) {
      throw new UsageException("--base-url " + name + "=URL must give an absolute http or https URL, was '" + url
          + "'");
    }
    return Map.entry(name, url);
  }

  private static String baseUrl(String value) throws UsageException {
    if (!isHttpUrl(value)) {
      throw new UsageException("--base-url must be an absolute http or https URL (or API=URL for one API of a "
          + "service catalog), was '" + value + "'");
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
