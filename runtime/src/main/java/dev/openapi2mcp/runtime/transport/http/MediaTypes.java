package dev.openapi2mcp.runtime.transport.http;

import java.util.Locale;

/** Just enough media-type parsing for {@code Accept} and {@code Content-Type}. */
final class MediaTypes {
  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream";

  private MediaTypes() {}

  /**
   * Whether an {@code Accept} header admits {@code type}: listed exactly or through a wildcard range, and not with
   * {@code q=0}. A missing header admits nothing, because MCP clients must send one.
   */
  static boolean accepts(String accept, String type) {
    if (accept == null) {
      return false;
    }
    String wanted = type.toLowerCase(Locale.ROOT);
    String wantedMajor = wanted.substring(0, wanted.indexOf('/'));
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String media = parts[0].trim().toLowerCase(Locale.ROOT);
      if (isZeroQuality(parts)) {
        continue;
      }
      if (media.equals(wanted) || media.equals("*/*") || media.equals(wantedMajor + "/*")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isZeroQuality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2)) <= 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }

  /** Whether a {@code Content-Type} is JSON ({@code application/json}, any parameters such as charset). */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return media.equalsIgnoreCase(JSON);
  }
}
