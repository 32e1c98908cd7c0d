package dev.openapi2mcp.generator.fidelity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Markdown report of a fidelity run: per spec the figures, then every call that did not pass, in full. */
final class FidelityReport {
  /**
   * The outcome of one spec.
   *
   * @param spec the spec
   * @param operations how many operations the spec's server has
   * @param calls every call made, in order
   * @param seconds the wall time for the spec (generation, compilation, mock start and calls)
   * @param setupFailure why the spec could not be run at all, or null
   */
  record SpecResult(FidelitySpec spec, int operations, List<CallRecord> calls, double seconds, String setupFailure) {

    long count(Verdict.Kind kind) {
      return calls.stream().filter(call -> call.verdict().kind() == kind).count();
    }

    long excluded() {
      return calls.stream().filter(call -> call.verdict().kind() != Verdict.Kind.ACCEPTED
          && call.exclusion() != null).count();
    }

    long operationsCalled() {
      return calls.stream().map(CallRecord::tool).distinct().count();
    }

    List<CallRecord> failures() {
      return calls.stream().filter(CallRecord::failed).toList();
    }

    boolean passed() {
      return setupFailure == null && failures().isEmpty();
    }
  }

  private FidelityReport() {}

  static String render(List<SpecResult> results, String mock) {
    StringBuilder md = new StringBuilder("# Request fidelity\n\n");
    md.append("Every call's request was checked by ").append(mock).append(", which validates each request ")
        .append("against the spec. A call passes when the mock accepts its request; see RequestFidelityIT.\n\n");
    md.append("| spec | operations | called | calls | accepted | rejected | not sent | mock errors | ")
        .append("sampler failures | excluded | seconds |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SpecResult result : results) {
      md.append("| ").append(result.spec().name())
          .append(" | ").append(result.operations())
          .append(" | ").append(result.operationsCalled())
          .append(" | ").append(result.calls().size())
          .append(" | ").append(result.count(Verdict.Kind.ACCEPTED))
          .append(" | ").append(result.count(Verdict.Kind.REJECTED) - excludedOf(result, Verdict.Kind.REJECTED))
          .append(" | ").append(result.count(Verdict.Kind.NOT_SENT) - excludedOf(result, Verdict.Kind.NOT_SENT))
          .append(" | ").append(result.count(Verdict.Kind.MOCK_ERROR) - excludedOf(result, Verdict.Kind.MOCK_ERROR))
          .append(" | ").append(result.count(Verdict.Kind.SAMPLER_FAILED))
          .append(" | ").append(result.excluded())
          .append(" | ").append(String.format("%.1f", result.seconds()))
          .append(" |\n");
    }
    for (SpecResult result : results) {
      md.append("\n## ").append(result.spec().name()).append("\n\n");
      md.append("Spec `").append(result.spec().pathInCorpus()).append("`");
      if (result.spec().sample() > 0) {
        md.append(", ").append(result.spec().sample()).append(" operations drawn with seed ")
            .append(result.spec().seed());
      } else {
        md.append(", every operation");
      }
      md.append(".");
      if (result.spec().requestSideOnly()) {
        md.append(" Prism was given the spec's request-side copy (response schemas left out; see RequestSideSpec),"
            + " since it does not start on the whole spec in reasonable time.");
      }
      md.append("\n\n");
      if (result.setupFailure() != null) {
        md.append("Could not be run:\n\n```\n").append(result.setupFailure()).append("\n```\n");
        continue;
      }
      List<CallRecord> shown = new ArrayList<>(result.failures());
      result.calls().stream().filter(call -> call.exclusion() != null
          && call.verdict().kind() != Verdict.Kind.ACCEPTED).forEach(shown::add);
      if (shown.isEmpty()) {
        md.append("All ").append(result.calls().size()).append(" requests accepted.\n");
      }
      md.append("\n<details><summary>Every call</summary>\n\n| tool | operation | arguments | mock answer |\n")
          .append("|---|---|---|---|\n");
      for (CallRecord call : result.calls()) {
        md.append("| ").append(call.tool()).append(" | `").append(call.operation()).append("` | ")
            .append(call.variant()).append(" | ")
            .append(call.verdict().kind() == Verdict.Kind.ACCEPTED ? "accepted, " + shortAnswer(call.answer())
                : call.verdict().kind() + (call.exclusion() != null ? " (excluded)" : ""))
            .append(" |\n");
      }
      md.append("\n</details>\n\n");
      for (CallRecord call : shown) {
        md.append("### ").append(call.tool()).append(" (").append(call.operation()).append(", ")
            .append(call.variant()).append(" arguments): ").append(call.verdict().kind());
        md.append(call.exclusion() != null ? ", excluded" : "").append("\n\n");
        if (call.exclusion() != null) {
          md.append("Excluded: ").append(call.exclusion()).append("\n\n");
        }
        md.append("Verdict:\n\n```\n").append(call.verdict().detail()).append("\n```\n\n");
        md.append("Arguments:\n\n```json\n").append(call.arguments()).append("\n```\n\n");
        if (call.request() != null) {
          md.append("Request sent:\n\n```http\n").append(call.request()).append("\n```\n\n");
        }
        md.append("Answer: ").append(call.answer()).append("\n\n");
      }
    }
    return md.toString();
  }

  /** The status, and for a 5xx the start of the mock's explanation (its own failure, not the request's). */
  private static String shortAnswer(String answer) {
    int space = answer.indexOf(' ');
    if (space < 0 || !answer.startsWith("5")) {
      return space < 0 ? answer : answer.substring(0, space);
    }
    String text = answer.replace('|', '/').replace('\n', ' ');
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }

  private static long excludedOf(SpecResult result, Verdict.Kind kind) {
    return result.calls().stream().filter(call -> call.verdict().kind() == kind && call.exclusion() != null)
        .count();
  }

  static void write(Path file, List<SpecResult> results, String mock) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, render(results, mock), StandardCharsets.UTF_8);
  }
}
