package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
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
 * Decides which argument values are secret and produces the redacted copy of the arguments for the audit trail.
 *
 * <p>A value is redacted ({@code "***"}) when its argument name, its parameter name or its body property name
 * {@linkplain SecretNames#looksSecret looks secret}, or when its parameter has the name of an apiKey scheme's
 * parameter (compared ignoring case). Inside object and array values, properties with secret-looking names are
 * redacted at any depth. Redaction keeps the argument names, so the audit still shows what was passed.
 */
final class Redactor {
  private static final TextNode REDACTED = new TextNode("***");

  private final Set<String> apiKeyParameterNames = new HashSet<>();

  Redactor(ServerDefinition definition) {
    this(definition.securitySchemes());
  }

  /** A redactor for the tools of an API with these schemes (a hand-written tool's: none). */
  Redactor(List<SecurityScheme> schemes) {
    for (SecurityScheme scheme : schemes) {
      if (scheme.type() == SecurityScheme.Type.API_KEY) {
        apiKeyParameterNames.add(scheme.parameterName().toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Whether the value of this parameter must never be shown. */
  boolean isSecretParameter(ParameterBinding parameter) {
    return parameter != null
        && (SecretNames.looksSecret(parameter.name()) || SecretNames.looksSecret(parameter.argument())
            || apiKeyParameterNames.contains(parameter.name().toLowerCase(Locale.ROOT)));
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
