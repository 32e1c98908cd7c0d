package dev.openapi2mcp.generator.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Media type rules: which request body a tool sends, and how its arguments carry it. */
public final class MediaTypes {
  private MediaTypes() {}

  /**
   * The media type a tool sends when the body offers several: JSON ({@code application/json} or any
   * {@code +json} type) first, then form-urlencoded, then {@code multipart/form-data}, then the first listed.
   * The order goes from what a model writes most faithfully (named, typed arguments) to what needs special
   * arguments (file parts, raw bytes).
   *
   * @param mediaTypes the keys of the body's {@code content}, in spec order; not empty
   */
  public static String preferred(Collection<String> mediaTypes) {
    return preferred(mediaTypes, type -> true);
  }

  /**
   * As {@link #preferred(Collection)}, passing over media types that are not {@code usable} as long as another one
   * is; when none is usable, the first by preference.
   */
  public static String preferred(Collection<String> mediaTypes, Predicate<String> usable) {
    List<String> ranked = new ArrayList<>();
    for (Predicate<String> kind : List.<Predicate<String>>of(
        MediaTypes::isJson, MediaTypes::isFormUrlEncoded, MediaTypes::isMultipartForm, type -> true)) {
      for (String type : mediaTypes) {
        if (kind.test(type) && !ranked.contains(type)) {
          ranked.add(type);
        }
      }
    }
    for (String type : ranked) {
      if (usable.test(type)) {
        return type;
      }
    }
    return ranked.get(0);
  }

  public static boolean isJson(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("application/json") || essence.endsWith("+json");
  }

  public static boolean isFormUrlEncoded(String mediaType) {
    return essence(mediaType).equals("application/x-www-form-urlencoded");
  }

  public static boolean isMultipartForm(String mediaType) {
    return essence(mediaType).equals("multipart/form-data");
  }

  /** {@code text/*}: a body a model writes as a plain string. */
  public static boolean isText(String mediaType) {
    return essence(mediaType).startsWith("text/");
  }

  /**
   * Whether a body (or a multipart part) of this type is bytes rather than text a model writes: octet streams,
   * images, audio, video, fonts and archives/documents such as PDF or ZIP. JSON, form, XML, YAML and text types
   * are not binary; an unknown {@code application/*} type is binary only when listed here, so that e.g.
   * {@code application/xml} stays text.
   */
  public static boolean isBinary(String mediaType) {
    String essence = essence(mediaType);
    if (essence.startsWith("image/") || essence.startsWith("audio/") || essence.startsWith("video/")
        || essence.startsWith("font/")) {
      return true;
    }
    return switch (essence) {
      case "application/octet-stream", "application/pdf", "application/zip", "application/gzip",
          "application/x-gzip", "application/x-tar", "application/x-7z-compressed", "application/vnd.rar",
          "application/java-archive", "application/wasm", "application/msword", "application/vnd.ms-excel",
          "application/x-protobuf", "application/protobuf", "application/x-binary" -> true;
      default -> essence.startsWith("application/vnd.openxmlformats-") || essence.endsWith("+zip");
    };
  }

  /**
   * Whether content of this type is text a model reads and writes as is: {@code text/*}, JSON, form-urlencoded,
   * XML and YAML (with their {@code +xml}/{@code +yaml} variants). Everything else counts as bytes.
   */
  public static boolean isTextual(String mediaType) {
    String essence = essence(mediaType);
    if (isText(essence) || isJson(essence) || isFormUrlEncoded(essence)) {
      return true;
    }
    int slash = essence.indexOf('/');
    String subtype = slash < 0 ? essence : essence.substring(slash + 1);
    return subtype.equals("xml") || subtype.endsWith("+xml") || subtype.equals("yaml") || subtype.equals("x-yaml")
        || subtype.endsWith("+yaml");
  }

  /** The type without parameters, lower case: {@code Application/JSON; charset=utf-8} → {@code application/json}. */
  public static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
