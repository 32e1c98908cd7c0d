package dev.openapi2mcp.runtime.cli;

/** A command-line mistake: the message names the option or value at fault. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
