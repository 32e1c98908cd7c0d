package dev.openapi2mcp.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.reliability.MalformedMessages.Expected;
import dev.openapi2mcp.runtime.reliability.MalformedMessages.Probe;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks answers of the fuzz tests against JSON-RPC 2.0 and against what each probe is owed, and counts them for the
 * figures the tests print (issue 5).
 */
final class JsonRpcAnswers {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> SPEC_CODES = Set.of(MalformedMessages.PARSE_ERROR,
      MalformedMessages.INVALID_REQUEST, MalformedMessages.METHOD_NOT_FOUND, MalformedMessages.INVALID_PARAMS);

  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger answered = new AtomicInteger();
  final AtomicInteger results = new AtomicInteger();
  final AtomicInteger unanswered = new AtomicInteger();
  final Map<Integer, Integer> errorsByCode = new TreeMap<>();
  final Map<String, Integer> byKind = new TreeMap<>();
  final Map<Integer, Integer> httpStatuses = new TreeMap<>();

  /** Parses an answer and checks that it is one JSON-RPC response object; returns it. */
  static JsonNode parse(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("an answer is not JSON: " + clip(text), e);
    }
    assertThat(node.isObject()).as("an answer is a JSON object: %s", clip(text)).isTrue();
    assertThat(node.path("jsonrpc").asText()).as("jsonrpc of %s", clip(text)).isEqualTo("2.0");
    assertThat(node.has("id")).as("an answer has an id: %s", clip(text)).isTrue();
    assertThat(node.has("result") != node.has("error")).as("result xor error: %s", clip(text)).isTrue();
    if (node.has("error")) {
      assertThat(node.at("/error/code").isInt()).as("integer error code: %s", clip(text)).isTrue();
      assertThat(node.at("/error/message").isTextual()).as("error message: %s", clip(text)).isTrue();
      assertThat(SPEC_CODES).as("a JSON-RPC error code the spec defines for bad input: %s", clip(text))
          .contains(node.at("/error/code").asInt());
      assertThat(node.at("/error/message").asText()).doesNotContain("Exception", "\tat ");
    }
    return node;
  }

  /** The key an id is matched by: its JSON text after a round trip, {@code null} for none. */
  static String key(String idJson) {
    if (idJson == null) {
      return "null";
    }
    try {
      return JSON.readTree(idJson).toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks a parsed answer against what {@code probe} was owed, and counts it. */
  void check(Probe probe, JsonNode answer) {
    Expected expected = probe.expected();
    String what = probe.kind() + " " + probe.text() + " -> " + clip(answer.toString());
    assertThat(expected.answered()).as("no answer is due: %s", what).isTrue();
    assertThat(answer.get("id").toString()).as("id of %s", what).isEqualTo(key(expected.id()));
    if (expected.code() == null) {
      assertThat(answer.has("result")).as("a result: %s", what).isTrue();
      if (expected.echoed() != null) {
        try {
          assertThat(JSON.readTree(answer.at("/result/content/0/text").asText()))
              .as("the echo of its own arguments: %s", what).isEqualTo(expected.echoed());
        } catch (IOException e) {
          throw new AssertionError("echo result is not JSON: " + what, e);
        }
      }
    } else {
      assertThat(answer.at("/error/code").asInt()).as("error code of %s", what).isEqualTo(expected.code());
    }
    count(probe.kind(), answer);
  }

  synchronized void count(String kind, JsonNode answer) {
    answered.incrementAndGet();
    byKind.merge(kind, 1, Integer::sum);
    if (answer.has("error")) {
      errorsByCode.merge(answer.at("/error/code").asInt(), 1, Integer::sum);
    } else {
      results.incrementAndGet();
    }
  }

  synchronized void countUnanswered(String kind) {
    unanswered.incrementAndGet();
    byKind.merge(kind, 1, Integer::sum);
  }

  synchronized void countStatus(int status) {
    httpStatuses.merge(status, 1, Integer::sum);
  }

  String summary(String transport) {
    return "fuzz over " + transport + ": sent " + sent + ", answered " + answered + " (results " + results
        + ", errors by code " + errorsByCode + "), unanswered as due " + unanswered
        + (httpStatuses.isEmpty() ? "" : ", HTTP statuses " + httpStatuses) + "; kinds " + byKind;
  }

  static String clip(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
