package dev.openapi2mcp.runtime.http;

import static dev.openapi2mcp.runtime.http.CatalogFixture.CONTEXT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.ENVIRONMENT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ORDER;
import static dev.openapi2mcp.runtime.http.CatalogFixture.definition;
import static dev.openapi2mcp.runtime.http.CatalogFixture.enqueueJson;
import static dev.openapi2mcp.runtime.http.Harness.args;
import static dev.openapi2mcp.runtime.http.Harness.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.observability.ToolSpan;
import dev.openapi2mcp.runtime.observability.Tracing;
import dev.openapi2mcp.runtime.testing.LogCapture;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolCall;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolException;
import dev.openapi2mcp.runtime.tool.ToolHook;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the message of an exception thrown inside the server (by a hand-written tool, a hook, or code running
 * inside OkHttp's call) never reaches the client, whose text the model reads: it may quote arguments, file paths,
 * upstream URLs or a library's internals. The result says the tool failed and gives a reference; the server's log
 * holds the same reference with the exception, so the operator can find it.
 */
class ExceptionMessagesTest {
  private static final String SECRET = "secret-xyz-41c7";
  private static final Pattern REFERENCE = Pattern.compile("error reference ([0-9a-f]{8})");

  private final CatalogFixture fixture = new CatalogFixture();
  private final List<RestToolExecutor> executors = new CopyOnWriteArrayList<>();
  private LogCapture log;

  @BeforeEach
  void captureLogs() {
    log = LogCapture.attach("dev.openapi2mcp.runtime", Level.ALL);
  }

  @AfterEach
  void close() throws Exception {
    log.close();
    executors.forEach(RestToolExecutor::close);
    fixture.close();
  }

  @Test
  void aHandWrittenToolsRuntimeExceptionIsNotShownToTheClient() {
    ToolDefinition tool = ToolDefinition.builder("catalog_boom").handler((arguments, context) -> {
      throw new RuntimeException(SECRET);
    }).build();

    ToolResult result = fixture.dispatcher(definition(tool), ENVIRONMENT).execute(tool, args("{}"), CONTEXT);

    assertHiddenButLogged(result, "Tool 'catalog_boom' failed");
  }

  @Test
  void aToolExceptionIsWrittenForTheModelAndShownAsItIs() {
    ToolDefinition tool = ToolDefinition.builder("catalog_closed").handler((arguments, context) -> {
      throw new ToolException("the ledger is closed until Monday", new IllegalStateException(SECRET));
    }).build();

    ToolResult result = fixture.dispatcher(definition(tool), ENVIRONMENT).execute(tool, args("{}"), CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).isEqualTo("Tool 'catalog_closed' failed: the ledger is closed until Monday");
  }

  @Test
  void aHookThatThrowsBeforeTheCallIsNotShownToTheClient() {
    ServerDefinition definition = definition().withHook("orders_getOrder", new ToolHook() {
      @Override
      public ToolCall before(ToolCall call) {
        throw new IllegalStateException(SECRET);
      }
    });

    ToolResult result = fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ORDER, args("{\"orderId\":7}"),
        CONTEXT);

    assertHiddenButLogged(result, "The hook of tool 'orders_getOrder' failed before the call (nothing was sent)");
    assertThat(fixture.orders.getRequestCount()).isZero();
  }

  @Test
  void aHookThatThrowsAfterTheCallIsNotShownToTheClient() {
    ServerDefinition definition = definition().withHook("orders_getOrder", new ToolHook() {
      @Override
      public ToolResult after(ToolCall call, ToolResult result) throws IOException {
        throw new IOException(SECRET);
      }
    });
    enqueueJson(fixture.orders, "{\"id\":7}");

    ToolResult result = fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ORDER, args("{\"orderId\":7}"),
        CONTEXT);

    assertHiddenButLogged(result, "The hook of tool 'orders_getOrder' failed after the call");
  }

  @Test
  void aRuntimeExceptionInsideTheHttpCallIsNotShownToTheClient() {
    RestToolExecutor executor = executorWhoseCallThrows(new IllegalStateException(SECRET));

    ToolResult result = executor.execute(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);

    assertHiddenButLogged(result, "Internal error of the openapi2mcp runtime in tool 'orders_getOrder'");
    assertThat(fixture.audit).hasSize(1);
    assertThat(fixture.audit.get(0)).contains("\"outcome\":\"internal_error\"");
  }

  @Test
  void anUnknownIoExceptionInsideTheHttpCallIsNotShownToTheClient() {
    RestToolExecutor executor = executorWhoseCallThrows(new IOException(SECRET));

    ToolResult result = executor.execute(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);

    assertHiddenButLogged(result, "Network error calling GET ");
  }

  /** An executor for the orders API whose OkHttp call fails inside its interceptor chain with {@code failure}. */
  private RestToolExecutor executorWhoseCallThrows(Exception failure) {
    Interceptor failing = chain -> {
      if (failure instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) failure;
    };
    Tracing tracing = new Tracing() {
      @Override
      public ToolSpan startToolCall(String tool, CallContext context) {
        return ToolSpan.NONE;
      }

      @Override
      public Interceptor upstreamInterceptor() {
        return failing;
      }

      @Override
      public String currentTraceId() {
        return null;
      }
    };
    ServerDefinition definition = definition();
    RestToolExecutor executor = RestToolExecutor.forApi(definition, definition.api("orders").orElseThrow(),
        fixture.baseUrls().get("orders"), fixture.options().withTracing(tracing),
        UpstreamOptions.environment(ENVIRONMENT));
    executors.add(executor);
    return executor;
  }

  /**
   * The result is an error that starts with {@code start}, does not carry the exception's message or class, and
   * names a reference that the server's log carries with the exception itself.
   */
  private void assertHiddenButLogged(ToolResult result, String start) {
    assertThat(result.isError()).isTrue();
    String text = text(result);
    assertThat(text).startsWith(start).doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("at dev.");
    Matcher reference = REFERENCE.matcher(text);
    assertThat(reference.find()).as("a reference in: %s", text).isTrue();
    List<LogRecord> withReference = log.records().stream()
        .filter(record -> record.getMessage() != null && record.getMessage().contains(reference.group(1)))
        .toList();
    assertThat(withReference).as("log records naming the reference").isNotEmpty();
    assertThat(withReference).anySatisfy(record -> assertThat(record.getThrown()).hasMessage(SECRET));
  }
}
