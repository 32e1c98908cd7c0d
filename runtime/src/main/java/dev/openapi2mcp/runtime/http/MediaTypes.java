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

  /** Any {@code multipart/*} type. */
  static boolean isMultipart(MediaType type) {
    return type != null && type.type().equalsIgnoreCase("multipart");
  }

  /**
   * Binary content that a tool argument carries base64-encoded: {@code application/octet-stream}, {@code image/*}
   * (but not SVG, which is XML text), {@code audio/*}, {@code video/*}, {@code font/*}, and the common binary
   * {@code application/} types (PDF, archives, compressed data, protobuf, CBOR, MessagePack, WebAssembly).
   */
  static boolean isBinary(MediaType type) {
    if (type == null) {
      return false;
    }
    String main = type.type().toLowerCase(Locale.ROOT);
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    if (main.equals("image")) {
      return !subtype.equals("svg+xml");
    }
    if (main.equals("audio") || main.equals("video") || main.equals("font")) {
      return true;
    }
    return main.equals("application") && (BINARY_APPLICATION.contains(subtype)
        || subtype.endsWith("+zip") || subtype.endsWith("+gzip") || subtype.endsWith("+cbor"));
  }

  private static final java.util.Set<String> BINARY_APPLICATION = java.util.Set.of(
      "octet-stream", "pdf", "zip", "gzip", "x-gzip", "x-tar", "x-bzip2", "x-7z-compressed", "x-xz", "zstd",
      "x-protobuf", "protobuf", "vnd.google.protobuf", "cbor", "msgpack", "x-msgpack", "wasm", "java-archive",
      "vnd.android.package-archive", "x-rar-compressed", "vnd.rar");

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
