package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.mcp.ErrorReference;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.HandlerContext;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolException;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs hand-written tools (issue 4): checks the arguments against the tool's input schema (invalid arguments never
 * reach the handler), calls its {@link dev.openapi2mcp.runtime.tool.ToolHandler}, and writes one audit line per call
 * like {@link RestToolExecutor} does (no method, URL or status: the tool itself sends nothing). A handler that throws
 * or returns null gives an {@code isError} result naming the tool; {@link #execute} never throws. The exception's
 * message stays in the server's log ({@link ErrorReference}) unless it is a {@link ToolException}, written for the
 * model.
 */
final class HandlerToolExecutor {
  private static final Logger LOG = Logger.getLogger(HandlerToolExecutor.class.getName());

  private final ArgumentValidator validator = new ArgumentValidator();
  private final Redactor redactor = new Redactor(List.of());
  private final AuditLog audit;
  private final ExecutorOptions options;
  private final HandlerContext.ToolInvoker tools;

  /** @param tools how handlers reach the server's other tools */
  HandlerToolExecutor(ExecutorOptions options, HandlerContext.ToolInvoker tools) {
    this.options = options;
    this.audit = new AuditLog(options.auditSink());
    this.tools = tools;
  }

  ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    long started = System.nanoTime();
    Instant time = options.clock().instant();
    ToolResult result;
    Outcome outcome;
    try {
      List<String> problems = validator.validate(tool, arguments);
      if (!problems.isEmpty()) {
        result = ToolResult.error("Invalid arguments for tool '" + tool.name() + "' (the tool did not run):\n- "
            + String.join("\n- ", problems));
        outcome = Outcome.INVALID_ARGUMENTS;
      } else {
        result = tool.handler().handle(arguments, new HandlerContext(context, tools));
        if (result == null) {
          result = ToolResult.error("Tool '" + tool.name() + "' failed: it returned no result");
        }
        outcome = result.isError() ? Outcome.HANDLER_ERROR : Outcome.OK;
      }
    } catch (Exception e) {
      result = ToolResult.error("Tool '" + tool.name() + "' failed: "
          + reason(e, "tool '" + tool.name() + "' failed"));
      outcome = Outcome.HANDLER_ERROR;
    }
    writeAudit(tool, arguments, context, time, started, outcome);
    return result;
  }

  /** Writes the audit line of a call that ended before reaching its tool (a failing hook, no confirmation). */
  void auditRefused(ToolDefinition tool, ObjectNode arguments, CallContext context, Outcome outcome) {
    writeAudit(tool, arguments, context, options.clock().instant(), System.nanoTime(), outcome);
  }

  /**
   * What the model is told about a failure of the user's code: a {@link ToolException}'s message, written for it;
   * for any other exception an {@link ErrorReference}, the exception going to the server's log.
   */
  static String reason(Exception failure, String what) {
    return failure instanceof ToolException forModel ? forModel.getMessage() : ErrorReference.log(LOG, what, failure);
  }

  /** The arguments as this executor's audit records show them. */
  ObjectNode redactedArguments(ToolDefinition tool, ObjectNode arguments) {
    return AuditLog.redactedOrPlaceholder(() -> redactor.redactArguments(tool, arguments));
  }

  private void writeAudit(ToolDefinition tool, ObjectNode arguments, CallContext context, Instant time,
      long started, Outcome outcome) {
    audit.record(new AuditLog.Entry(time, tool.name(), tool.api(), context, redactedArguments(tool, arguments),
        tool.http() == null ? null : tool.http().method(), null, null,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), outcome, options.tracing().currentTraceId()));
  }
}
