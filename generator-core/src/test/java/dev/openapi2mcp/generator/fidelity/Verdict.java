package dev.openapi2mcp.generator.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the validating mock made of one request.
 *
 * @param kind the class of outcome
 * @param detail for anything but {@link Kind#ACCEPTED}: the mock's violations or why there is no verdict
 */
record Verdict(Kind kind, String detail) {

  /** Outcomes of one call. Only {@link #ACCEPTED} (and explicitly excluded calls) let the run pass. */
  enum Kind {
    /** The mock found nothing wrong with the request. */
    ACCEPTED,
    /** The mock rejected the request: it does not match the spec. */
    REJECTED,
    /** The runtime sent nothing (it refused the arguments or could not build the request). */
    NOT_SENT,
    /** The mock gave no verdict (it crashed or did not answer). */
    MOCK_ERROR,
    /** No schema-valid arguments could be drawn for the tool: a sampler problem, not a request problem. */
    SAMPLER_FAILED
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Prism's problem types that mean "this request does not match the spec". */
  private static final Set<String> REJECTING_PROBLEMS = Set.of(
      "UNPROCESSABLE_ENTITY", "NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR", "NO_SERVER_MATCHED_ERROR",
      "INVALID_CONTENT_TYPE", "UNAUTHORIZED", "NOT_ACCEPTABLE");

  static Verdict accepted() {
    return new Verdict(Kind.ACCEPTED, "");
  }

  /**
   * Classifies a recorded exchange with Prism ({@code --errors}). A rejection is a request violation of severity
   * Error in the {@code sl-violations} header, or a problem+json answer whose type says the request does not match
   * (validation failed, no path or method matched, unsupported content type, missing credentials); a request
   * violation listed in any problem's {@code validation} counts too. Violations about Prism's own generated
   * <em>response</em> (its 500 "VIOLATIONS" answers when its example breaks the response schema) are not about the
   * request and do not count.
   */
  static Verdict of(Exchange exchange) {
    if (exchange.status() == 0) {
      return new Verdict(Kind.MOCK_ERROR, exchange.responseText());
    }
    if (exchange.status() == 599) {
      return new Verdict(Kind.REJECTED, exchange.responseText());
    }
    List<String> violations = new ArrayList<>();
    String header = exchange.responseHeader("sl-violations");
    if (header != null) {
      JsonNode list = violationList(header);
      if (list == null && exchange.status() >= 400 && exchange.status() < 500) {
        violations.add("unreadable sl-violations of a " + exchange.status() + " answer: " + header);
      }
      for (JsonNode violation : list == null ? JSON.createArrayNode() : list) {
        if (isRequestError(violation)) {
          violations.add(describe(violation));
        }
      }
    }
    String contentType = exchange.responseHeader("content-type");
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
      JsonNode problem = parse(exchange.responseText());
      String type = problem.path("type").asText("");
      String name = type.substring(type.indexOf('#') + 1);
      for (JsonNode violation : problem.path("validation")) {
        if (isRequestError(violation)) {
          violations.add(describe(violation));
        }
      }
      if (REJECTING_PROBLEMS.contains(name) && violations.isEmpty()) {
        violations.add(exchange.status() + " " + name + ": " + problem.path("detail").asText(
            problem.path("title").asText("")));
      }
    }
    if (!violations.isEmpty()) {
      return new Verdict(Kind.REJECTED, String.join("\n", violations.stream().distinct().toList()));
    }
    return accepted();
  }

  /**
   * The violations of an {@code sl-violations} header, or null when it cannot be read. Prism prefixes a long list
   * with "Too many violations! " and may cut it; the problem+json body then carries the full list.
   */
  private static JsonNode violationList(String header) {
    int bracket = header.indexOf('[');
    if (bracket < 0) {
      return null;
    }
    try {
      JsonNode list = JSON.readTree(header.substring(bracket));
      return list.isArray() ? list : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isRequestError(JsonNode violation) {
    JsonNode location = violation.path("location");
    String first = location.isArray() && !location.isEmpty() ? location.get(0).asText() : "request";
    return "Error".equals(violation.path("severity").asText()) && !first.equals("response");
  }

  private static String describe(JsonNode violation) {
    List<String> where = new ArrayList<>();
    violation.path("location").forEach(part -> where.add(part.asText()));
    return String.join(".", where) + ": " + violation.path("message").asText()
        + " [" + violation.path("code").asText() + "]";
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return JSON.createArrayNode().add(JSON.createObjectNode()
          .put("severity", "Error").put("message", "unreadable mock answer: " + json));
    }
  }
}
