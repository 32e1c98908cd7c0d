package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.resilience.RateLimit;
import dev.openapi2mcp.runtime.http.resilience.RetryInterceptor;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 5: the command-line options for timeouts, retries and rate limits. */
class ResilienceOptionsTest {

  private static String error(String... args) {
    UsageException e = catchThrowableOfType(UsageException.class, () -> CommandLine.parse(args));
    assertThat(e).as(String.join(" ", args)).isNotNull();
    return e.getMessage();
  }

  @Test
  void withoutOptionsTheDefaultsHold() throws Exception {
    ResilienceOptions options = CommandLine.parse().resilience();

    assertThat(options).isEqualTo(new ResilienceOptions(Duration.ofSeconds(10), Duration.ofSeconds(60),
        Duration.ofSeconds(120), 2, null, null, Duration.ofSeconds(4)));
    assertThat(options.rateLimiter(null)).as("no rate limit, no limiter").isNull();
  }

  @Test
  void everyOptionIsRead() throws Exception {
    ResilienceOptions options = CommandLine.parse("--connect-timeout", "500ms", "--read-timeout=30s",
        "--call-timeout", "2m", "--retries", "0", "--rate-limit", "50/s,burst=100",
        "--rate-limit-per-session=600/m", "--keep-alive", "1500ms").resilience();

    assertThat(options).isEqualTo(new ResilienceOptions(Duration.ofMillis(500), Duration.ofSeconds(30),
        Duration.ofMinutes(2), 0, new RateLimit(50, Duration.ofSeconds(1), 100),
        new RateLimit(600, Duration.ofMinutes(1), 600), Duration.ofMillis(1500)));
    assertThat(options.applyTo(ExecutorOptions.defaults()).keepAlive()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertThat(error("--connect-timeout", "10")).isEqualTo(
        "--connect-timeout must be a positive duration such as 500ms, 10s, 2m or 1h, was '10'");
    assertThat(error("--call-timeout", "0s")).startsWith("--call-timeout ").endsWith("'0s'");
    assertThat(error("--read-timeout")).isEqualTo("option --read-timeout needs a value");
    assertThat(error("--keep-alive", "5")).startsWith("--keep-alive must be a positive duration").endsWith("'5'");
    assertThat(error("--retries", "-1")).isEqualTo("--retries must be a number from 0 to 10, was '-1'");
    assertThat(error("--retries", "11")).contains("'11'");
    assertThat(error("--rate-limit", "fast")).startsWith("--rate-limit must be a rate such as 10/s")
        .endsWith("'fast'");
    assertThat(error("--rate-limit-per-session", "10/day")).startsWith("--rate-limit-per-session ")
        .endsWith("'10/day'");
  }

  @Test
  void theHelpOfRetriesNamesExactlyTheMethodsThatAreRetried() {
    String help = Usage.text(SampleServer.definition(), List.of(), List.of());
    int start = help.indexOf("--retries N");
    String retries = help.substring(start, help.indexOf("--rate-limit", start));

    for (String method : List.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "PATCH")) {
      assertThat(retries.matches("(?s).*\\b" + method + "\\b.*")).as("%s in: %s", method, retries)
          .isEqualTo(RetryInterceptor.isIdempotent(method));
    }
  }
}
