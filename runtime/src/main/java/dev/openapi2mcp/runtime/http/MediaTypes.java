package dev.openapi2mcp.runtime.http;

import java.util.Locale;
import okhttp3.MediaType;

/** Classification of media types for request bodies and responses. All checks ignore case and parameters. */
final class MediaTypes {
  private MediaTypes() {}

  /** {@code application/json}, {@code text/json} and any {@code …+json} or {@code …-json}/{@code …ndjson}. */
  static boolean isJson(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return subtype.equals("json") || subtype.endsWith("+json") || subtype.endsWith("-json")
        || subtype.endsWith("ndjson");
  }

  static boolean isForm(MediaType type) {
    return type != null && is(type, "application", "x-www-form-urlencoded");
  }

  static boolean isOctetStream(MediaType type) {
    return type != null && is(type, "application", "octet-stream");
  }

  static boolean isText(MediaType type) {
    return type != null && type.type().equalsIgnoreCase("text");
  }

  /** Whether a response of this type is text a model can read as is (JSON, XML, YAML, text/*, …). */
  static boolean isTextual(MediaType type) {
    if (type == null) {
      return false;
    }
    if (isText(type) || isJson(type) || isForm(type)) {
      return true;
    }
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return subtype.equals("xml") || subtype.endsWith("+xml") || subtype.equals("yaml")
        || subtype.equals("x-yaml") || subtype.endsWith("+yaml") || subtype.equals("javascript")
        || subtype.equals("ecmascript") || subtype.equals("graphql") || subtype.equals("csv")
        || subtype.equals("sql");
  }

  static boolean isImage(MediaType type) {
    return type != null && type.type().equalsIgnoreCase("image");
  }

  static boolean isAudio(MediaType type) {
    return type != null && type.type().equalsIgnoreCase("audio");
  }

  /** {@code type/subtype} in lower case, without parameters. */
  static String essence(MediaType type) {
    return (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
  }

  private static boolean is(MediaType type, String mainType, String subtype) {
    return type.type().equalsIgnoreCase(mainType) && type.subtype().equalsIgnoreCase(subtype);
  }
}
