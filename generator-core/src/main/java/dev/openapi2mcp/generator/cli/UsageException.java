package dev.openapi2mcp.generator.cli;

/** A command-line mistake (exit status 2): the message names the option, command or value at fault. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
