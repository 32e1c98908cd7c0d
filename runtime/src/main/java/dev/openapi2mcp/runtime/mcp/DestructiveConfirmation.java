package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ToolAnnotations;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
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
 * the timeout, a client without form elicitation) is an {@code isError} result saying why nothing was run.
 */
final class DestructiveConfirmation {
  private static final Logger LOG = Logger.getLogger(DestructiveConfirmation.class.getName());

  static final String FIELD = "confirm";
  static final String METHOD = "elicitation/create";

  /** At most this many arguments are shown in the question; the rest are counted. */
  private static final int ARGUMENTS_SHOWN = 8;
  private static final int VALUE_CHARS = 60;

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
   * @return empty when the tool may run, else the result to answer with instead
   * @throws CancellationException when the client cancelled the call meanwhile
   */
  Optional<ToolResult> confirm(ToolDefinition tool, ObjectNode arguments, ToolCall call, McpSession session) {
    if (!session.supportsFormElicitation()) {
      return Optional.of(ToolResult.error("Tool '" + tool.name() + "' was not run: this server requires the user's"
          + " confirmation before any destructive tool runs, and this client cannot ask for it (it did not declare"
          + " the elicitation capability with form mode in initialize). Use a client that supports elicitation, or"
          + " start the server without --confirm-destructive."));
    }
    JsonNode answer;
    try {
      answer = call.ask(METHOD, request(tool, arguments, session), timeout);
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

  private static ObjectNode request(ToolDefinition tool, ObjectNode arguments, McpSession session) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    if (session.revision().map(ProtocolRevision::hasElicitationModes).orElse(false)) {
      params.put("mode", "form");
    }
    params.put("message", message(tool, arguments));
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

  /** The question: the tool, its HTTP operation when it has one, and a short summary of the arguments. */
  static String message(ToolDefinition tool, ObjectNode arguments) {
    StringBuilder text = new StringBuilder("Confirm the destructive operation '").append(tool.name()).append('\'');
    if (tool.http() != null) {
      text.append(" (").append(tool.http().method()).append(' ').append(tool.http().pathTemplate()).append(')');
    }
    if (arguments.isEmpty()) {
      return text.append(" without arguments?").toString();
    }
    text.append(" with ");
    Iterator<Map.Entry<String, JsonNode>> fields = arguments.fields();
    int shown = 0;
    while (fields.hasNext() && shown < ARGUMENTS_SHOWN) {
      Map.Entry<String, JsonNode> field = fields.next();
      text.append(shown++ == 0 ? "" : ", ").append(Texts.clip(field.getKey())).append('=')
          .append(value(field.getValue()));
    }
    if (arguments.size() > shown) {
      text.append(" and ").append(arguments.size() - shown).append(" more");
    }
    return text.append('?').toString();
  }

  private static String value(JsonNode value) {
    String json = value.toString();
    String cut = json.length() > VALUE_CHARS ? json.substring(0, VALUE_CHARS) + "..." : json;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
