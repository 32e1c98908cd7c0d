package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which argument values are secret and produces the redacted copy of the arguments for the audit trail
 * (issue 5: secrets redacted by scheme and by header name).
 *
 * <p>A value is replaced by {@value #MARKER} when
 * <ul>
 *   <li>its parameter carries the name of an apiKey security scheme's header, query or cookie parameter (by scheme;
 *       compared ignoring case), or
 *   <li>its parameter is a header named in {@link #ALWAYS_REDACTED_HEADERS} or in the configured list
 *       ({@code --redact-header}; compared ignoring case), or
 *   <li>its argument name, its parameter name or its body property name {@linkplain SecretNames#looksSecret looks
 *       secret}.
 * </ul>
 * Inside object and array values, properties with secret-looking names are redacted at any depth. Bearer, basic and
 * OAuth credentials travel only in the {@code Authorization} header, which no argument can set (see
 * {@link RequestFactory}) and which is always redacted. Redaction keeps the argument names, so the audit still shows
 * what was passed. URLs use {@code ***} instead (see {@link PreparedRequest#displayUrl()}), since brackets would be
 * percent-encoded there.
 */
final class Redactor {
  /** What a redacted argument value becomes. */
  static final String MARKER = "[redacted]";

  /** Header names whose values are never shown, whatever the configuration (lower case). */
  static final Set<String> ALWAYS_REDACTED_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  private static final TextNode REDACTED = new TextNode(MARKER);

  private final Set<String> apiKeyParameterNames = new HashSet<>();
  private final Set<String> redactedHeaders = new HashSet<>(ALWAYS_REDACTED_HEADERS);

  /** With only the built-in rules. */
  Redactor(ServerDefinition definition) {
    this(definition.securitySchemes());
  }

  /** A redactor for the tools of an API with these schemes (a hand-written tool's: none). */
  Redactor(List<SecurityScheme> schemes) {
    this(schemes, Set.of());
  }

  /**
   * As {@link #Redactor(List)}, with further header names whose values are secret (any case).
   */
  Redactor(List<SecurityScheme> schemes, Set<String> redactedHeaders) {
    for (SecurityScheme scheme : schemes) {
      if (scheme.type() == SecurityScheme.Type.API_KEY) {
        apiKeyParameterNames.add(scheme.parameterName().toLowerCase(Locale.ROOT));
      }
    }
    redactedHeaders.forEach(name -> this.redactedHeaders.add(name.toLowerCase(Locale.ROOT)));
  }

  /** Whether the value of this parameter must never be shown. */
  boolean isSecretParameter(ParameterBinding parameter) {
    if (parameter == null) {
      return false;
    }
    String name = parameter.name().toLowerCase(Locale.ROOT);
    return SecretNames.looksSecret(parameter.name()) || SecretNames.looksSecret(parameter.argument())
        || apiKeyParameterNames.contains(name)
        || (parameter.location() == ParameterLocation.HEADER && redactedHeaders.contains(name));
  }

  /** A redacted deep copy of {@code arguments}; the input is not modified. */
  ObjectNode redactArguments(ToolDefinition tool, ObjectNode arguments) {
    ObjectNode copy = arguments.deepCopy();
    for (String name : names(copy)) {
      if (isSecretArgument(tool, name)) {
        copy.set(name, REDACTED);
      } else {
        redactNested(copy.get(name));
      }
    }
    return copy;
  }

  private boolean isSecretArgument(ToolDefinition tool, String argument) {
    if (SecretNames.looksSecret(argument)) {
      return true;
    }
    if (tool.http() == null) {
      return false;
    }
    for (ParameterBinding parameter : tool.http().parameters()) {
      if (parameter.argument().equals(argument) && isSecretParameter(parameter)) {
        return true;
      }
    }
    RequestBody body = tool.http().body();
    if (body != null && body.argument() == null) {
      String wireName = body.properties().get(argument);
      return wireName != null && SecretNames.looksSecret(wireName);
    }
    return false;
  }

  private static List<String> names(JsonNode object) {
    return object.properties().stream().map(Map.Entry::getKey).toList();
  }

  private static void redactNested(JsonNode value) {
    if (value.isObject()) {
      ObjectNode object = (ObjectNode) value;
      for (String name : names(object)) {
        if (SecretNames.looksSecret(name)) {
          object.set(name, REDACTED);
        } else {
          redactNested(object.get(name));
        }
      }
    } else if (value.isArray()) {
      for (JsonNode item : (ArrayNode) value) {
        redactNested(item);
      }
    }
  }
}
