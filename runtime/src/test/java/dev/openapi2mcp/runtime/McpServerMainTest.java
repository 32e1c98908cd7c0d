package dev.openapi2mcp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.cli.CommandLine;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3: the command line's executor options reach the REST executor of generated servers. */
class McpServerMainTest {
  @Test
  void fileRootAndFileSizeLimitReachTheExecutorOptions(@TempDir Path temp) throws Exception {
    ExecutorOptions options = McpServerMain.executorOptions(
        CommandLine.parse("--file-root", temp.toString(), "--max-file-size", "1m", "--max-response-bytes", "2k"));

    assertThat(options.fileRoot()).isEqualTo(temp.toRealPath());
    assertThat(options.maxFileBytes()).isEqualTo(1024 * 1024);
    assertThat(options.maxResponseBytes()).isEqualTo(2048);
  }

  @Test
  void redactedHeadersReachTheExecutorOptionsInLowerCase() throws Exception {
    ExecutorOptions options = McpServerMain.executorOptions(
        CommandLine.parse("--redact-header", "X-Customer-Pin", "--redact-header", "x-tenant"));

    assertThat(options.redactedHeaders()).containsExactlyInAnyOrder("x-customer-pin", "x-tenant");
  }

  @Test
  void withoutOptionsNoLocalFileIsReadable() throws Exception {
    ExecutorOptions options = McpServerMain.executorOptions(CommandLine.parse());

    assertThat(options.fileRoot()).isNull();
    assertThat(options.maxFileBytes()).isEqualTo(ExecutorOptions.DEFAULT_MAX_FILE_BYTES);
  }
}
