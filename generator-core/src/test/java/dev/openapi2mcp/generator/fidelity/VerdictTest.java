package dev.openapi2mcp.generator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the fidelity harness (issue 3, item 9) reads Prism's answers: request violations reject, the rest do not. */
class VerdictTest {
  private static Exchange answer(int status, List<String> headers, String body) {
    return new Exchange("GET", "/x", List.of(), new byte[0], status, headers,
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void requestViolationInTheHeaderIsARejection() {
    Verdict verdict = Verdict.of(answer(422, List.of("sl-violations: [{\"location\":[\"request\",\"query\",\"n\"],"
        + "\"severity\":\"Error\",\"code\":\"type\",\"message\":\"must be integer\"}]"), "{}"));

    assertThat(verdict.kind()).isEqualTo(Verdict.Kind.REJECTED);
    assertThat(verdict.detail()).isEqualTo("request.query.n: must be integer [type]");
  }

  @Test
  void responseViolationsAreNotAboutTheRequest() {
    Verdict verdict = Verdict.of(answer(500, List.of("sl-violations: [{\"location\":[\"response\",\"body\"],"
        + "\"severity\":\"Error\",\"code\":\"required\",\"message\":\"x\"}]"), "{}"));

    assertThat(verdict.kind()).isEqualTo(Verdict.Kind.ACCEPTED);
  }

  @Test
  void warningsAreNotRejections() {
    Verdict verdict = Verdict.of(answer(200, List.of("sl-violations: [{\"location\":[\"request\",\"query\",\"a\"],"
        + "\"severity\":\"Warning\",\"code\":\"deprecated\",\"message\":\"deprecated\"}]"), "{}"));

    assertThat(verdict.kind()).isEqualTo(Verdict.Kind.ACCEPTED);
  }

  @Test
  void problemOfAnUnmatchedPathIsARejection() {
    Verdict verdict = Verdict.of(answer(404, List.of("content-type: application/problem+json"),
        "{\"type\":\"https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR\",\"status\":404,"
            + "\"detail\":\"The route /nope hasn't been found\"}"));

    assertThat(verdict.kind()).isEqualTo(Verdict.Kind.REJECTED);
    assertThat(verdict.detail()).contains("NO_PATH_MATCHED_ERROR");
  }

  @Test
  void noAnswerIsAMockError() {
    assertThat(Verdict.of(answer(0, List.of(), "closed")).kind()).isEqualTo(Verdict.Kind.MOCK_ERROR);
  }

  @Test
  void prismsOwnResponseViolationsAreNotAboutTheRequest() {
    Verdict verdict = Verdict.of(answer(500, List.of("content-type: application/problem+json"),
        "{\"type\":\"https://stoplight.io/prism/errors#VIOLATIONS\",\"status\":500,\"validation\":"
            + "[{\"location\":[\"response\",\"body\"],\"severity\":\"Error\",\"message\":\"must be object\"}]}"));

    assertThat(verdict.kind()).isEqualTo(Verdict.Kind.ACCEPTED);
  }

  @Test
  void aRequestViolationInsideAnyProblemIsARejection() {
    Verdict verdict = Verdict.of(answer(500, List.of("content-type: application/problem+json"),
        "{\"type\":\"https://stoplight.io/prism/errors#VIOLATIONS\",\"status\":500,\"validation\":"
            + "[{\"location\":[\"request\",\"header\",\"x\"],\"severity\":\"Error\",\"code\":\"type\","
            + "\"message\":\"must be integer\"}]}"));

    assertThat(verdict.kind()).isEqualTo(Verdict.Kind.REJECTED);
    assertThat(verdict.detail()).isEqualTo("request.header.x: must be integer [type]");
  }

  @Test
  void aLongViolationHeaderWithPrismsPrefixIsStillRead() {
    Verdict verdict = Verdict.of(answer(500, List.of("sl-violations: Too many violations! [{\"location\":"
        + "[\"response\",\"body\"],\"severity\":\"Error\",\"message\":\"x\"}]"), "{}"));

    assertThat(verdict.kind()).isEqualTo(Verdict.Kind.ACCEPTED);
  }
}
