package dev.openapi2mcp.runtime.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code --credentials-file} of a server (issue 5): upstream credentials per scheme (and, in a catalog, per
 * API), as Java properties ({@code .properties}) or YAML ({@code .yaml}, {@code .yml}; JSON is YAML too).
 * <pre>
 *   # credentials.properties                # credentials.yaml
 *   api_key.key=abc123                      api_key:
 *   petstore_auth.clientId=my-client          key: abc123
 *   petstore_auth.clientSecret=s3cret       petstore_auth:
 *                                             clientId: my-client
 *                                             clientSecret: s3cret
 *                                             scopes: [read:pets, write:pets]
 * </pre>
 * YAML mappings nest: a value's key is the path of its mapping keys joined with {@code .}; a list of scalars is one
 * value of its items joined with spaces (scopes).
 *
 * <p>The file holds secrets, so it should be readable by its owner only: a file that its group or others may read
 * gets a {@link #warnings() warning} (it is still used). Invariant: no message of this class shows a value.
 */
public final class CredentialsFile {
  private final Path path;
  private final Map<String, String> values;
  private final List<String> warnings;

  private CredentialsFile(Path path, Map<String, String> values, List<String> warnings) {
    this.path = path;
    this.values = values;
    this.warnings = warnings;
  }

  /**
   * Reads the file.
   *
   * @throws IllegalArgumentException when it cannot be read or parsed, or its kind is unknown; the message names the
   *     file (and the line or key) and never quotes a value
   */
  public static CredentialsFile load(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("credentials file " + path + " cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> values;
    if (name.endsWith(".properties")) {
      values = properties(path, text);
    } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
      values = yaml(path, text);
    } else {
      throw new IllegalArgumentException("credentials file " + path
          + " must end with .properties, .yaml, .yml or .json, so that its format is known");
    }
    return new CredentialsFile(path, Map.copyOf(values), permissionWarnings(path));
  }

  /** The value under {@code key} (e.g. {@code petstore_auth.clientSecret}), or null. */
  public String get(String key) {
    return values.get(key);
  }

  public Path path() {
    return path;
  }

  /** The keys the file sets, sorted; for diagnostics (values are never listed). */
  public List<String> keys() {
    return List.copyOf(new TreeMap<>(values).keySet());
  }

  /** What an operator should fix, e.g. permissions that let others read the file. */
  public List<String> warnings() {
    return warnings;
  }

  private static Map<String, String> properties(Path path, String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      // Properties.load names the malformed escape, never the rest of the line.
      throw new IllegalArgumentException("credentials file " + path + " is not a valid properties file ("
          + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key.strip(), properties.getProperty(key).strip()));
    return values;
  }

  private static Map<String, String> yaml(Path path, String text) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      // The parser's own message may quote the offending text, which can be a secret.
      throw new IllegalArgumentException("credentials file " + path + " is not valid YAML" + where);
    }
    Map<String, String> values = new TreeMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return values;
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("credentials file " + path
          + " must hold a mapping of scheme names to their credentials");
    }
    flatten(path, "", root, values);
    return values;
  }

  private static void flatten(Path path, String prefix, JsonNode node, Map<String, String> values) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(path, key, value, values);
      } else if (value.isArray()) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
          if (!item.isValueNode() || item.isNull()) {
            throw new IllegalArgumentException("credentials file " + path + ": '" + key
                + "' must be a list of plain values");
          }
          items.add(item.asText());
        }
        values.put(key, String.join(" ", items));
      } else if (!value.isNull()) {
        values.put(key, value.asText());
      }
    }
  }

  private static List<String> permissionWarnings(Path path) {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view == null) {
      return List.of(); // not a POSIX file system: nothing we can check
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      return List.of();
    }
    List<String> readers = new ArrayList<>();
    if (permissions.contains(PosixFilePermission.GROUP_READ)) {
      readers.add("its group");
    }
    if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
      readers.add("every user");
    }
    if (readers.isEmpty()) {
      return List.of();
    }
    return List.of("credentials file " + path + " can be read by " + String.join(" and ", readers)
        + "; it holds secrets: make it readable by its owner only (chmod 600)");
  }
}
