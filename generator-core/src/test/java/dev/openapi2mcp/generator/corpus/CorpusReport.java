package dev.openapi2mcp.generator.corpus;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The corpus run as Markdown: totals and pass rates for the flagships and for the dev sample, then one row per spec
 * (stage reached, tools, warnings, milliseconds per stage, cause of failure).
 */
final class CorpusReport {
  private final String set;
  /** What the specs other than flagships are: the dev sample, or a random draw beyond it. */
  private final String sampleLabel;
  private final List<SpecOutcome> outcomes;
  private final long wallMillis;

  CorpusReport(String set, List<SpecOutcome> outcomes, long wallMillis) {
    this.set = set;
    this.sampleLabel = set.startsWith("random-") ? "random sample" : "dev sample";
    this.outcomes = List.copyOf(outcomes);
    this.wallMillis = wallMillis;
  }

  /** The part of the specs matching the filter that passed, in percent (100 for none). */
  double passRate(Predicate<SpecOutcome> which) {
    long all = outcomes.stream().filter(which).count();
    long passed = outcomes.stream().filter(which).filter(SpecOutcome::passed).count();
    return all == 0 ? 100.0 : 100.0 * passed / all;
  }

  List<SpecOutcome> failures(Predicate<SpecOutcome> which) {
    return outcomes.stream().filter(which).filter(o -> !o.passed()).toList();
  }

  /** One line per group with specs: passed/all (percent). */
  String totals() {
    StringBuilder out = new StringBuilder();
    total(out, "flagships", o -> o.spec().flagship());
    total(out, sampleLabel, o -> !o.spec().flagship());
    total(out, "all", o -> true);
    out.append(String.format(Locale.ROOT, "wall clock: %.1f s, tools listed and checked: %d%n", wallMillis / 1000.0,
        outcomes.stream().filter(SpecOutcome::passed).mapToInt(SpecOutcome::tools).sum()));
    return out.toString();
  }

  private void total(StringBuilder out, String label, Predicate<SpecOutcome> which) {
    long all = outcomes.stream().filter(which).count();
    if (all == 0) {
      return;
    }
    long passed = outcomes.stream().filter(which).filter(SpecOutcome::passed).count();
    out.append(String.format(Locale.ROOT, "%s: %d/%d passed (%.1f %%)%n", label, passed, all, passRate(which)));
  }

  String markdown(String command) {
    StringBuilder out = new StringBuilder();
    out.append("# Corpus run: ").append(set).append("\n\n");
    out.append("Reproduce with `").append(command).append("`.\n\n");
    out.append("Stages: generate → compile (`-Xlint:all -Werror`) → start (stdio, `initialize`) → list "
        + "(`tools/list`, every page) → schemas (2020-12 meta-schema, loadable, `$ref`s resolve, arrays have "
        + "`items`).\n\n");
    out.append("```\n").append(totals()).append("```\n\n");
    out.append("| spec | set | result | tools | warnings | generate ms | compile ms | start ms | list ms "
        + "| schemas ms | cause |\n");
    out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (SpecOutcome o : outcomes) {
      out.append("| ").append(cell(o.spec().id()))
          .append(" | ").append(o.spec().flagship() ? "flagship" : sampleLabel)
          .append(" | ").append(o.passed() ? "passed" : "**failed: " + o.stage().label() + "**")
          .append(" | ").append(o.tools() < 0 ? "" : String.valueOf(o.tools()))
          .append(" | ").append(o.warnings());
      for (Stage stage : List.of(Stage.GENERATE, Stage.COMPILE, Stage.START, Stage.LIST, Stage.SCHEMAS)) {
        Long ms = o.millis().get(stage);
        out.append(" | ").append(ms == null ? "" : ms.toString());
      }
      out.append(" | ").append(o.cause() == null ? "" : cell(o.cause())).append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
