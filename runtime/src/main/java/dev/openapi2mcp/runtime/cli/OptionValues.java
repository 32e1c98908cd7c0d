package dev.openapi2mcp.runtime.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks of option values that several option groups share. Each returns the value as the server uses it or throws a
 * {@link UsageException} naming the option and quoting what was given.
 */
final class OptionValues {

  /** An HTTP header name: an RFC 9110 token. */
  static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private OptionValues() {}

  /** A file that exists and can be read now, so a typo fails at start rather than at the first call; absolute. */
  static Path readableFile(String option, String value) throws UsageException {
    try {
      Path path = Path.of(value);
      if (Files.isRegularFile(path) && Files.isReadable(path)) {
        return path.toAbsolutePath();
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    throw new UsageException(option + " must be a readable file, was '" + value + "'");
  }

  /**
   * The name of an environment variable. Secrets are passed by name so they never show in the process list; a value
   * that cannot be a name is most likely the secret itself, and the message says so without echoing it.
   */
  static String envName(String option, String value, String example) throws UsageException {
    if (!ENV_NAME.matcher(value).matches()) {
      throw new UsageException(option + " takes the name of an environment variable (such as " + example + "), "
          + "not its value");
    }
    return value;
  }

  /** A header name; {@code example} shows one in the message. */
  static String headerName(String option, String value, String example) throws UsageException {
    if (!HEADER_NAME.matcher(value).matches()) {
      throw notAHeaderName(option, value, example);
    }
    return value;
  }

  static UsageException notAHeaderName(String option, String value, String example) {
    return new UsageException(option + " must be a header name such as " + example + ", was '" + value + "'");
  }

  /** An absolute http or https URL. */
  static URI httpUrl(String option, String value) throws UsageException {
    if (!CommandLine.isHttpUrl(value)) {
      throw new UsageException(option + " must be an absolute http or https URL, was '" + value + "'");
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new UsageException(option + " must be an absolute http or https URL, was '" + value + "'");
    }
  }
}
