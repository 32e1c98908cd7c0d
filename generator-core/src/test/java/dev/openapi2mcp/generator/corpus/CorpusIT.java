package dev.openapi2mcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real-world corpus (issue 3, items 6 and 8): every spec of a set is generated, compiled with
 * {@code -Xlint:all -Werror}, started over stdio and listed, and every tool schema is checked against the JSON Schema
 * 2020-12 meta-schema. Runs only under {@code -Pcorpus}.
 *
 * <p>System properties: {@code corpus.set} ({@code ci}, {@code flagships}, {@code dev-sample}, {@code all});
 * {@code corpus.root} (or the environment variable {@code OPENAPI2MCP_CORPUS}; default
 * {@code ~/.cache/openapi2mcp-corpus}, where {@code ../shared/corpus/fetch.sh} installs it); {@code corpus.lists}
 * (the folder of {@code flagships.tsv} and {@code dev-sample.txt}; default {@code ../shared/corpus} from the
 * repository root); {@code corpus.threads} (default 2); {@code corpus.keep} (keep the work files of passing specs);
 * {@code corpus.only} (a comma-separated list of ids, to rerun a few).
 *
 * <p>It fails when any flagship fails, or when less than 99 % of the dev sample passes. Either way it writes
 * {@code target/corpus-report.md}.
 */
class CorpusIT {
  static final double DEV_SAMPLE_MINIMUM_PERCENT = 99.0;

  @Test
  void everySpecOfTheSetGeneratesCompilesStartsAndListsValidTools() throws Exception {
    String set = System.getProperty("corpus.set", "ci");
    Path target = Path.of(System.getProperty("corpus.target", "target"));
    Path corpusRoot = corpusRoot();
    List<CorpusSpec> specs = new CorpusSets(corpusRoot, lists()).resolve(set);
    String only = System.getProperty("corpus.only", "");
    if (!only.isBlank()) {
      List<String> ids = List.of(only.split(","));
      specs = specs.stream().filter(s -> ids.contains(s.id())).toList();
    }
    int threads = Integer.getInteger("corpus.threads", 2);
    SpecRunner runner = new SpecRunner(target.resolve("corpus"), SpecRunner.testClassPath(), Duration.ofSeconds(120),
        Boolean.getBoolean("corpus.keep"));

    long start = System.nanoTime();
    List<SpecOutcome> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<SpecOutcome>> futures = new ArrayList<>();
      for (CorpusSpec spec : specs) {
        futures.add(pool.submit(() -> {
          SpecOutcome outcome = runner.run(spec).relativeTo(corpusRoot);
          System.out.printf("corpus %-50s %-16s %5d tools %7d ms %s%n", spec.id(),
              outcome.passed() ? "passed" : "FAILED " + outcome.stage().label(), outcome.tools(),
              outcome.totalMillis(), outcome.cause() == null ? "" : StdioSession.abbreviate(outcome.cause()));
          return outcome;
        }));
      }
      for (Future<SpecOutcome> future : futures) {
        outcomes.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }
    CorpusReport report = new CorpusReport(set, outcomes, (System.nanoTime() - start) / 1_000_000);
    Files.createDirectories(target);
    Files.writeString(target.resolve("corpus-report.md"), report.markdown(
        "./mvnw -B -Pcorpus -pl generator-core -am verify -Dsurefire.skip=true -Dcorpus.set=" + set),
        StandardCharsets.UTF_8);
    System.out.print(report.totals());

    assertThat(report.failures(o -> o.spec().flagship()))
        .as("flagships that failed (see target/corpus-report.md)")
        .extracting(o -> o.spec().id() + " at " + o.stage().label() + ": " + o.cause())
        .isEmpty();
    assertThat(report.passRate(o -> !o.spec().flagship()))
        .as("dev sample pass rate in %%; failures: %s", report.failures(o -> !o.spec().flagship()).stream()
            .map(o -> o.spec().id() + " at " + o.stage().label()).collect(Collectors.joining(", ")))
        .isGreaterThanOrEqualTo(DEV_SAMPLE_MINIMUM_PERCENT);
  }

  private static Path corpusRoot() {
    String configured = System.getProperty("corpus.root");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("OPENAPI2MCP_CORPUS");
    }
    if (configured == null || configured.isBlank()) {
      return Path.of(System.getProperty("user.home"), ".cache", "openapi2mcp-corpus");
    }
    return Path.of(configured);
  }

  /** {@code corpus.lists}, or {@code ../shared/corpus} from the repository root (the parent of this module). */
  private static Path lists() {
    String configured = System.getProperty("corpus.lists");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus").normalize();
  }
}
