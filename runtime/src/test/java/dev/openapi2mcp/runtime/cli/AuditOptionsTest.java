package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 5: {@code --audit-log} and {@code --redact-header} on the command line. */
class AuditOptionsTest {

  @Test
  void theAuditGoesToStandardErrorUnlessAFileIsNamed() throws Exception {
    assertThat(CommandLine.parse().audit()).isEqualTo(AuditOptions.defaults());
    assertThat(CommandLine.parse("--audit-log", "stderr").audit().file()).isNull();
    assertThat(CommandLine.parse("--audit-log=logs/audit.jsonl").audit().file()).isEqualTo(Path.of("logs/audit.jsonl"));
    assertThat(CommandLine.parse("--audit-log", "a.jsonl", "--audit-log", "STDERR").audit().file()).isNull();
  }

  @Test
  void theAuditCannotBeTurnedOff() {
    for (String off : new String[] {"off", "none", "OFF", "false"}) {
      assertThatThrownBy(() -> CommandLine.parse("--audit-log", off))
          .isInstanceOf(UsageException.class)
          .hasMessage("--audit-log cannot turn the audit trail off: every tool call is audited; give a FILE or "
              + "stderr, was '" + off + "'");
    }
    assertThatThrownBy(() -> CommandLine.parse("--audit-log", " "))
        .isInstanceOf(UsageException.class).hasMessage("--audit-log needs a FILE or stderr");
  }

  @Test
  void redactedHeadersAccumulateAndMustBeHeaderNames() throws Exception {
    assertThat(CommandLine.parse("--redact-header", "X-Customer-Pin", "--redact-header=X-Tenant").audit()
        .redactHeaders()).containsExactly("X-Customer-Pin", "X-Tenant");
    assertThatThrownBy(() -> CommandLine.parse("--redact-header", "X Pin"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--redact-header must be an HTTP header name such as X-Customer-Pin, was 'X Pin'");
  }
}
