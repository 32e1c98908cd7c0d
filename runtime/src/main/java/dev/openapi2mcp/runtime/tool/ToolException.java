package dev.openapi2mcp.runtime.tool;

/**
 * A failure of a {@link ToolHandler} or a {@link ToolHook} whose message is written for the model, e.g. {@code
 * new ToolException("orders are frozen until Monday")}. The error result shows the message as it is; so it must not
 * hold a secret. The message of any other exception stays in the server's log.
 */
public class ToolException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message what the model is told, in plain words */
  public ToolException(String message) {
    super(message);
  }

  /**
   * @param message what the model is told, in plain words
   * @param cause the failure behind it, for the server's log only
   */
  public ToolException(String message, Throwable cause) {
    super(message, cause);
  }
}
