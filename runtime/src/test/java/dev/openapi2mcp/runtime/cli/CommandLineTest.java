package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of generated servers; {@code --max-response-bytes} is issue 3 ("Real-world specs", item 4). */
class CommandLineTest {

  private static String error(String... args) {
    UsageException e = catchThrowableOfType(UsageException.class, () -> CommandLine.parse(args));
    assertThat(e).as(String.join(" ", args)).isNotNull();
    return e.getMessage();
  }

  @Test
  void defaultsAreStdioOnLoopbackPort8080() throws Exception {
    assertThat(CommandLine.parse()).isEqualTo(
        new CommandLine(CommandLine.Transport.STDIO, "127.0.0.1", 8080, null, List.of(), false));
  }

  @Test
  void everyOptionTakesItsValueAsNextArgumentOrAfterEquals() throws Exception {
    CommandLine spaced = CommandLine.parse("--transport", "http", "--host", "0.0.0.0", "--port", "0",
        "--base-url", "https://api.example.com/v1", "--allow-origin", "https://a.example.com",
        "--allow-origin", "http://b.example.com:3000");
    CommandLine joined = CommandLine.parse("--transport=http", "--host=0.0.0.0", "--port=0",
        "--base-url=https://api.example.com/v1", "--allow-origin=https://a.example.com",
        "--allow-origin=http://b.example.com:3000");
    CommandLine expected = new CommandLine(CommandLine.Transport.HTTP, "0.0.0.0", 0, "https://api.example.com/v1",
        List.of("https://a.example.com", "http://b.example.com:3000"), false);
    assertThat(spaced).isEqualTo(expected);
    assertThat(joined).isEqualTo(expected);
  }

  @Test
  void aRepeatedOptionOverridesAndBracketedIpv6IsUnwrapped() throws Exception {
    CommandLine line = CommandLine.parse("--port", "1", "--port", "2", "--host", "[::1]");
    assertThat(line.port()).isEqualTo(2);
    assertThat(line.host()).isEqualTo("::1");
  }

  @Test
  void helpWinsWhereverItIs() throws Exception {
    assertThat(CommandLine.parse("--bogus", "--help").help()).isTrue();
    assertThat(CommandLine.parse("-h").help()).isTrue();
  }

  @Test
  void mistakesNameTheOptionAndValue() {
    assertThat(error("--bogus")).contains("unknown option '--bogus'");
    assertThat(error("--bogus=1")).contains("unknown option '--bogus'");
    assertThat(error("serve")).contains("unexpected argument 'serve'");
    assertThat(error("--port")).contains("--port needs a value");
    assertThat(error("--transport", "sse")).contains("--transport").contains("'sse'");
    assertThat(error("--port", "-1")).contains("--port").contains("'-1'");
    assertThat(error("--port", "65536")).contains("--port").contains("'65536'");
    assertThat(error("--port", "eighty")).contains("'eighty'");
    assertThat(error("--base-url", "ftp://x.example.com")).contains("--base-url").contains("ftp://x.example.com");
    assertThat(error("--base-url", "/relative")).contains("--base-url");
    assertThat(error("--base-url", "http://")).contains("--base-url");
    assertThat(error("--host", "")).contains("--host");
    assertThat(error("--allow-origin", "*")).contains("--allow-origin").contains("'*'");
  }
  @Test
  void theResponseBudgetTakesBytesOrABinarySuffix() throws Exception {
    assertThat(CommandLine.parse().maxResponseBytes()).isNull();
    assertThat(CommandLine.parse("--max-response-bytes", "65536").maxResponseBytes()).isEqualTo(65536L);
    assertThat(CommandLine.parse("--max-response-bytes=64k").maxResponseBytes()).isEqualTo(65536L);
    assertThat(CommandLine.parse("--max-response-bytes", "4M").maxResponseBytes()).isEqualTo(4L * 1024 * 1024);
  }

  @Test
  void theResponseBudgetMustBeAPositiveNumberOfBytes() {
    assertThat(error("--max-response-bytes", "0")).isEqualTo(
        "--max-response-bytes must be a positive number of bytes (e.g. 65536, 64k, 4m), was '0'");
    assertThat(error("--max-response-bytes", "-5")).contains("'-5'");
    assertThat(error("--max-response-bytes", "lots")).contains("'lots'");
    assertThat(error("--max-response-bytes", "99999999999999999999m")).contains("'99999999999999999999m'");
  }

  /** Issue 3: local files for file parts only from a directory the operator names, under a size limit. */
  @Test
  void fileRootIsAnExistingDirectoryMadeReal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
      throws Exception {
    java.nio.file.Path root = java.nio.file.Files.createDirectories(temp.resolve("files"));

    CommandLine line = CommandLine.parse("--file-root", temp + "/./files");

    assertThat(line.fileRoot()).isEqualTo(root.toRealPath());
    assertThat(CommandLine.parse().fileRoot()).isNull();
    assertThat(error("--file-root", temp.resolve("missing").toString()))
        .contains("--file-root must be an existing directory");
  }

  @Test
  void maxFileSizeTakesBytesOrBinaryUnitsAndDefaultsTo32Mebibytes() throws Exception {
    assertThat(CommandLine.parse().maxFileBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(CommandLine.parse("--max-file-size", "1000").maxFileBytes()).isEqualTo(1000);
    assertThat(CommandLine.parse("--max-file-size=512k").maxFileBytes()).isEqualTo(512 * 1024);
    assertThat(CommandLine.parse("--max-file-size", "2m").maxFileBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(error("--max-file-size", "0")).contains("--max-file-size must be a positive number of bytes");
  }

  /** Issue 5: destructive confirmation is a flag without a value; its timeout is whole seconds. */
  @Test
  void confirmDestructiveIsAFlagAndItsTimeoutIsSeconds() throws Exception {
    assertThat(CommandLine.parse().confirmDestructive()).isFalse();
    assertThat(CommandLine.parse().confirmTimeout()).isNull();
    CommandLine line = CommandLine.parse("--confirm-destructive", "--port", "1", "--confirm-timeout", "90");
    assertThat(line.confirmDestructive()).isTrue();
    assertThat(line.port()).isEqualTo(1);
    assertThat(line.confirmTimeout()).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(CommandLine.parse("--confirm-timeout=5").confirmTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(error("--confirm-destructive=yes")).isEqualTo("option --confirm-destructive takes no value");
    assertThat(error("--confirm-timeout", "0")).contains("--confirm-timeout must be a number of seconds");
    assertThat(error("--confirm-timeout", "5m")).contains("was '5m'");
  }

  /** Issue 5: --stateless is a flag, only for HTTP, and excludes what needs a session. */
  @Test
  void statelessIsAFlagForHttpOnly() throws Exception {
    assertThat(CommandLine.parse().stateless()).isFalse();
    CommandLine line = CommandLine.parse("--stateless", "--transport", "http", "--port", "9090");
    assertThat(line.stateless()).isTrue();
    assertThat(line.port()).as("the flag takes no value, so --transport is read as the next option")
        .isEqualTo(9090);
    assertThat(line.transport()).isEqualTo(CommandLine.Transport.HTTP);
    assertThat(error("--stateless=true", "--transport", "http")).isEqualTo("option --stateless takes no value");
    assertThat(error("--stateless")).contains("--stateless applies only to --transport http");
    assertThat(error("--stateless", "--transport", "http", "--confirm-destructive"))
        .as("elicitation answers arrive in a later POST, perhaps at another replica")
        .contains("--confirm-destructive cannot be combined with --stateless");
    assertThat(CommandLine.parse("--stateless", "--transport", "http", "--rate-limit-per-session", "5/s")
        .resilience().rateLimitPerSession()).as("counted per caller when there are no sessions").isNotNull();
  }

  /** Issue 11: the per-client session cap and the session idle timeout are options with the transport's defaults. */
  @Test
  void sessionLimitsAreOptionsWithTheTransportDefaults() throws Exception {
    assertThat(CommandLine.parse().sessions()).isEqualTo(new SessionOptions(100, java.time.Duration.ofMinutes(30)));
    CommandLine line = CommandLine.parse("--transport", "http", "--max-sessions-per-client", "5",
        "--session-idle-timeout=90s");
    assertThat(line.sessions()).isEqualTo(new SessionOptions(5, java.time.Duration.ofSeconds(90)));
    var http = line.sessions().applyTo(dev.openapi2mcp.runtime.transport.http.HttpTransportOptions.defaults());
    assertThat(http.maxSessionsPerPrincipal()).isEqualTo(5);
    assertThat(http.sessionIdleTimeout()).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(error("--max-sessions-per-client", "0"))
        .isEqualTo("--max-sessions-per-client must be a whole number of at least 1, was '0'");
    assertThat(error("--session-idle-timeout", "soon")).startsWith("--session-idle-timeout must be a positive duration");
  }
}
