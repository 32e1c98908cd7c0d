package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets one executor holds, and their removal from texts and JSON values that leave the server.
 *
 * <p>Two kinds of secret: configured ones (API keys, tokens, passwords, {@code user:password} of basic
 * authentication, OAuth client secrets), kept for the executor's life; and obtained ones (client-credentials and
 * token-exchange access tokens), registered when obtained, of which the {@value #MAX_OBTAINED} most recently
 * registered are kept, so that the registry stays bounded whatever the number of users. A value shorter than
 * {@value #MIN_LENGTH} characters is not scrubbed: replacing every "ab" in a response would wreck it.
 *
 * <p>Each secret is removed in the forms {@link SecretForms} lists and the escapes {@link SecretMatcher}
 * recognizes. Thread-safe; the matcher is rebuilt only when the set of secrets changes.
 */
final class SecretScrubber {
  static final int MIN_LENGTH = 4;
  static final int MAX_OBTAINED = 256;

  private final Set<String> configured = ConcurrentHashMap.newKeySet();
  private final Set<String> obtained = ConcurrentHashMap.newKeySet();
  private final Deque<String> obtainedOrder = new ArrayDeque<>();
  /** The forms of each secret held, computed once per secret. Guarded by {@code this}. */
  private final Map<String, Set<String>> forms = new HashMap<>();
  private volatile SecretMatcher matcher = new SecretMatcher(Set.of());

  /** Adds a configured secret, kept for good. */
  synchronized void keep(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH && configured.add(secret)) {
      forms.computeIfAbsent(secret, SecretForms::of);
      rebuild();
    }
  }

  /** Adds an obtained token; the oldest obtained one is forgotten when there are too many. */
  void remember(String token) {
    if (token == null || token.length() < MIN_LENGTH || obtained.contains(token) || configured.contains(token)) {
      return;
    }
    synchronized (this) {
      if (!obtained.add(token)) {
        return;
      }
      obtainedOrder.addLast(token);
      forms.computeIfAbsent(token, SecretForms::of);
      while (obtainedOrder.size() > MAX_OBTAINED) {
        String forgotten = obtainedOrder.removeFirst();
        obtained.remove(forgotten);
        if (!configured.contains(forgotten)) {
          forms.remove(forgotten);
        }
      }
      rebuild();
    }
  }

  /** {@code text} with every secret replaced by {@value SecretMatcher#MASK}. */
  String scrub(String text) {
    return matcher.replace(text);
  }

  /**
   * {@code node} with every secret removed from its string values, its property names and the text of its
   * numbers (a number that spells a secret becomes a string): a copy, unless no secret is held; the input is not
   * modified.
   */
  JsonNode scrub(JsonNode node) {
    SecretMatcher current = matcher;
    return node == null || current.isEmpty() ? node : scrub(node, current);
  }

  private static JsonNode scrub(JsonNode node, SecretMatcher matcher) {
    if (node.isTextual() || node.isNumber()) {
      String text = node.asText();
      String scrubbed = matcher.replace(text);
      return scrubbed == text ? node : TextNode.valueOf(scrubbed);
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      for (Map.Entry<String, JsonNode> property : object.properties()) {
        copy.set(matcher.replace(property.getKey()), scrub(property.getValue(), matcher));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode(array.size());
      array.forEach(item -> copy.add(scrub(item, matcher)));
      return copy;
    }
    return node;
  }

  private void rebuild() {
    Set<String> all = new HashSet<>();
    forms.values().forEach(all::addAll);
    matcher = new SecretMatcher(all);
  }
}
