package dev.openapi2mcp.generator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request fidelity (issue 3, item 9): the runtime sends exactly what the spec says. For each spec the generated
 * server calls its tools with schema-valid arguments against Prism ({@code prism mock SPEC --errors}), which checks
 * each request against the spec; the test fails on any request Prism rejects, any call that sends nothing, any
 * call Prism cannot judge, and any tool the sampler cannot draw valid arguments for, unless {@link KnownMockBugs}
 * excludes it with a reason. Every call is listed in {@code target/fidelity-report.md}.
 *
 * <p>Run it with the {@code fidelity} profile:
 * <pre>
 *   npm install --prefix .ci @stoplight/prism-cli@5.16.0      # or anywhere else
 *   ./mvnw -B -Pfidelity -pl generator-core -am verify \
 *       -Dprism.cli=.ci/node_modules/@stoplight/prism-cli/dist/index.js -Dprism.node=node
 * </pre>
 * System properties: {@code prism.cli} (Prism's {@code dist/index.js}), {@code prism.node} (the node binary,
 * default {@code node}), {@code corpus.root} (else the environment variable {@code OPENAPI2MCP_CORPUS}, else
 * {@code ~/.cache/openapi2mcp-corpus}; installed by {@code ../shared/corpus/fetch.sh}), {@code fidelity.specs}
 * (comma-separated names of {@link FidelitySpec#ALL}, default all).
 */
class RequestFidelityIT {
  private static final List<FidelityReport.SpecResult> RESULTS = new ArrayList<>();
  private static Path target;

  @BeforeAll
  static void locate() {
    target = Path.of(System.getProperty("fidelity.target", "target"));
  }

  static Stream<FidelitySpec> specs() {
    return FidelitySpec.named(System.getProperty("fidelity.specs", "all")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void everyRequestIsAcceptedByTheValidatingMock(FidelitySpec spec) {
    Path corpus = corpusRoot();
    assertThat(spec.file(corpus)).as("the corpus spec (install it with ../shared/corpus/fetch.sh)")
        .isRegularFile();
    Path cli = Path.of(System.getProperty("prism.cli", ".ci/node_modules/@stoplight/prism-cli/dist/index.js"));
    String node = System.getProperty("prism.node", "node");

    FidelityReport.SpecResult result =
        new SpecRun(spec, corpus, target.resolve("fidelity"), node, cli.toAbsolutePath()).run();
    synchronized (RESULTS) {
      RESULTS.add(result);
    }

    assertThat(result.setupFailure()).as("setting up %s", spec.name()).isNull();
    assertThat(result.calls()).as("calls made for %s", spec.name()).isNotEmpty();
    assertThat(result.failures())
        .as("calls of %s that the mock did not accept (details in target/fidelity-report.md)", spec.name())
        .extracting(call -> call.tool() + " [" + call.variant() + "] " + call.verdict().kind() + ": "
            + firstLine(call.verdict().detail()))
        .isEmpty();
  }

  @AfterAll
  static void writeReport() throws IOException {
    if (!RESULTS.isEmpty()) {
      FidelityReport.write(target.resolve("fidelity-report.md"), RESULTS,
          "Prism 5.16.0 (`prism mock SPEC --errors`)");
    }
  }

  static Path corpusRoot() {
    String configured = System.getProperty("corpus.root");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("OPENAPI2MCP_CORPUS");
    }
    if (configured == null || configured.isBlank()) {
      return Path.of(System.getProperty("user.home"), ".cache", "openapi2mcp-corpus");
    }
    Path root = Path.of(configured);
    return Files.isDirectory(root) ? root : root.toAbsolutePath();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
