package dev.openapi2mcp.generator.description;

/** A description template that cannot be parsed or rendered; the message names the line. */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
