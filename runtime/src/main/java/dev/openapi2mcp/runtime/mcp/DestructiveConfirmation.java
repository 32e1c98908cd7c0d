package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ToolAnnotations;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The {@code --confirm-destructive} setting (issue 5): before a destructive tool runs, the user confirms it through
 * a form-mode {@code elicitation/create} with one boolean field, {@value #FIELD}.
 *
 * <p>A tool is destructive when its {@code destructiveHint} is true, or when it is not set and the tool is not
 * read-only: these are MCP's defaults for the hints. The tool runs only on {@code action: accept} with
 * {@value #FIELD} true. Everything else (decline, cancel, a false or missing field, an error answer, no answer within
 * the timeout, a client without form elicitation) is an {@code isError} result saying why nothing was run. The
 * question shows every argument ({@link ConfirmationText}); a call whose arguments cannot all be named in it is
 * refused without asking.
 */
final class DestructiveConfirmation {
  private static final Logger LOG = Logger.getLogger(DestructiveConfirmation.class.getName());

  static final String FIELD = "confirm";
  static final String METHOD = "elicitation/create";

  private final Duration timeout;

  DestructiveConfirmation(Duration timeout) {
    this.timeout = timeout;
  }

  static boolean isDestructive(ToolDefinition tool) {
    ToolAnnotations hints = tool.annotations();
    if (hints.destructiveHint() != null) {
      return hints.destructiveHint();
    }
    return !Boolean.TRUE.equals(hints.readOnlyHint());
  }

  /**
   * Asks the user; blocks the calling worker thread until the answer, the timeout or the call's cancellation.
   *
   * @param shownArguments the call's arguments as the user may see them ({@link
   *     dev.openapi2mcp.runtime.tool.ToolExecutor#redactedArguments})
   * @return empty when the tool may run, else the result to answer with instead
   * @throws CancellationException when the client cancelled the call meanwhile
   */
  Optional<ToolResult> confirm(ToolDefinition tool, ObjectNode shownArguments, ToolCall call, McpSession session) {
    if (!session.supportsFormElicitation()) {
      return Optional.of(ToolResult.error("Tool '" + tool.name() + "' was not run: this server requires the user's"
          + " confirmation before any destructive tool runs, and this client cannot ask for it (it did not declare"
          + " the elicitation capability with form mode in initialize). Use a client that supports elicitation, or"
          + " start the server without --confirm-destructive."));
    }
    Optional<String> question = ConfirmationText.of(tool, shownArguments);
    if (question.isEmpty()) {
      return Optional.of(ToolResult.error("Tool '" + tool.name() + "' was not run: its " + shownArguments.size()
          + " arguments are too many or too long to be shown to the user for confirmation. Call it with fewer or"
          + " shorter arguments."));
    }
    JsonNode answer;
    try {
      answer = call.ask(METHOD, request(tool, question.get(), session), timeout);
    } catch (CancellationException e) {
      throw e;
    } catch (TimeoutException e) {
      return refused(tool, "no answer from the user within " + timeout.toSeconds() + " s");
    } catch (ClientRequests.ClientErrorException e) {
      return refused(tool, "the client could not ask the user (error " + e.code() + ": " + e.getMessage() + ")");
    } catch (ClientRequests.UndeliverableException e) {
      return refused(tool, "the question could not be sent to the client");
    } catch (Exception e) {
      LOG.warning(() -> "confirmation of tool '" + tool.name() + "' failed with " + e.getClass().getName());
      return refused(tool, "the confirmation failed");
    }
    String action = answer.path("action").asText("");
    if (action.equals("accept") && answer.path("content").path(FIELD).asBoolean(false)
        && answer.path("content").path(FIELD).isBoolean()) {
      return Optional.empty();
    }
    return refused(tool, switch (action) {
      case "accept" -> "the user did not tick '" + FIELD + "'";
      case "decline" -> "the user declined";
      case "cancel" -> "the user dismissed the question";
      default -> "the client answered with an unknown action '" + Texts.clip(action) + "'";
    });
  }

  private static Optional<ToolResult> refused(ToolDefinition tool, String why) {
    return Optional.of(ToolResult.error(
        "Tool '" + tool.name() + "' was not run: not confirmed by the user (" + why + ")."));
  }

  private static ObjectNode request(ToolDefinition tool, String question, McpSession session) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    if (session.revision().map(ProtocolRevision::hasElicitationModes).orElse(false)) {
      params.put("mode", "form");
    }
    params.put("message", question);
    ObjectNode schema = params.putObject("requestedSchema");
    schema.put("type", "object");
    ObjectNode confirm = schema.putObject("properties").putObject(FIELD);
    confirm.put("type", "boolean");
    confirm.put("title", "Run " + tool.name());
    confirm.put("description", "Tick to let the server run this destructive operation now.");
    confirm.put("default", false);
    schema.putArray("required").add(FIELD);
    return params;
  }
}
