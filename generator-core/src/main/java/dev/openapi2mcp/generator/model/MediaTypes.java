package dev.openapi2mcp.generator.model;

import java.util.Collection;
import java.util.Locale;

/** Media type rules: which request body a tool sends, and which bodies can be flattened. */
public final class MediaTypes {
  private MediaTypes() {}

  /**
   * JSON ({@code application/json} or any {@code +json} type) first, then form-urlencoded, then the first listed.
   *
   * @param mediaTypes the keys of the body's {@code content}, in spec order; not empty
   */
  public static String preferred(Collection<String> mediaTypes) {
    for (String type : mediaTypes) {
      if (isJson(type)) {
        return type;
      }
    }
    for (String type : mediaTypes) {
      if (isFormUrlEncoded(type)) {
        return type;
      }
    }
    return mediaTypes.iterator().next();
  }

  public static boolean isJson(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("application/json") || essence.endsWith("+json");
  }

  public static boolean isFormUrlEncoded(String mediaType) {
    return essence(mediaType).equals("application/x-www-form-urlencoded");
  }

  /** The type without parameters, lower case: {@code Application/JSON; charset=utf-8} → {@code application/json}. */
  public static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
