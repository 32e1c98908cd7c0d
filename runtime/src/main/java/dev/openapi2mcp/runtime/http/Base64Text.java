package dev.openapi2mcp.runtime.http;

import java.util.Base64;

/**
 * Decodes the base64 text that binary arguments carry: the standard or the URL-safe alphabet, padding optional,
 * whitespace (MIME-style line wrapping) ignored. Any other character is an error, so that a model that sent plain
 * text by mistake is told so instead of uploading garbage.
 */
final class Base64Text {
  private Base64Text() {}

  /**
   * @param what names the argument in the error message
   * @throws InvalidRequestException when the text is not base64
   */
  static byte[] decode(String what, String text) throws InvalidRequestException {
    String compact = text.replaceAll("[\\r\\n\\t ]", "");
    try {
      return Base64.getDecoder().decode(compact.replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(what + ": not valid base64 (" + e.getMessage() + ")");
    }
  }
}
