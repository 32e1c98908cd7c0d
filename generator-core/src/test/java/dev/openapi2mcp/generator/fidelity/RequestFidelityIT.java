package dev.openapi2mcp.generator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.HttpBinding;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * (comma-separated names of {@link FidelitySpec#ALL}, default all), {@code fidelity.sample} (how many operations of
 * GitHub and Stripe are drawn instead of 100; 0 for all).
 */
class RequestFidelityIT {
  private static final List<FidelityReport.SpecResult> RESULTS = new ArrayList<>();
  private static Path target;

  @BeforeAll
  static void locate() {
    target = Path.of(System.getProperty("fidelity.target", "target"));
  }

  static Stream<FidelitySpec> specs() {
    Stream<FidelitySpec> specs = FidelitySpec.named(System.getProperty("fidelity.specs", "all")).stream();
    String sample = System.getProperty("fidelity.sample", "");
    // For exploration: -Dfidelity.sample=0 calls every operation of GitHub and Stripe (the acceptance run draws 100).
    return sample.isBlank() ? specs
        : specs.map(spec -> spec.sample() > 0 ? spec.withSample(Integer.parseInt(sample.strip())) : spec);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void everyRequestIsAcceptedByTheValidatingMock(FidelitySpec spec) {
    Path corpus = corpusRoot();
    assertThat(spec.file(corpus)).as("the corpus spec (install it with ../shared/corpus/fetch.sh)")
        .isRegularFile();
    FidelityReport.SpecResult result =
        new SpecRun(spec, corpus, target.resolve("fidelity"), node(), prismCli()).run();
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

  /**
   * The check can fail: requests that break the spec on purpose (a path the spec does not have, a required query
   * parameter under a wrong name, a body missing its required properties) are rejected by the mock, each with the
   * classification the harness relies on.
   */
  @Test
  void theMockRejectsRequestsThatBreakTheSpec(@TempDir Path out) throws Exception {
    Path spec = FidelitySpec.named("petstore").get(0).file(corpusRoot());
    ServerDefinition definition = GeneratedServer.of(
        new GeneratorConfig(spec.toString(), out, "com.example.control", "petstore")).definition();
    ToolDefinition byStatus = tool(definition, "findPetsByStatus");
    ToolDefinition addPet = tool(definition, "addPet");
    ToolDefinition wrongPath = rebind(byStatus, new HttpBinding("GET", "/pets/findByStatus",
        byStatus.http().parameters(), null, byStatus.http().security()));
    ToolDefinition wrongName = rebind(byStatus, new HttpBinding("GET", "/pet/findByStatus",
        List.of(ParameterBinding.query("status", "state", true)), null, byStatus.http().security()));
    ToolDefinition noRequiredBody = rebind(addPet, new HttpBinding("POST", "/pet", List.of(),
        RequestBody.flattened("application/json", true, "status", "status"), addPet.http().security()));

    try (PrismMock prism = PrismMock.start(node(), prismCli(), spec);
        RecordingProxy proxy = new RecordingProxy(prism.address(), SpecRun.basePath(definition));
        RestToolExecutor executor = RestToolExecutor.create(definition, proxy.baseUrl(),
            SpecRun.credentials(definition),
            SpecRun.judgedOneByOne(ExecutorOptions.defaults().withAuditSink(line -> { })))) {
      assertThat(verdict(executor, proxy, wrongPath, "{\"status\":[\"sold\"]}").detail())
          .contains("NO_PATH_MATCHED_ERROR");
      assertThat(verdict(executor, proxy, wrongName, "{\"status\":[\"sold\"]}").detail())
          .contains("request.query").contains("required property 'status'");
      assertThat(verdict(executor, proxy, noRequiredBody, "{\"status\":\"sold\"}").detail())
          .contains("must have required property 'name'");
    }
  }

  private static Verdict verdict(RestToolExecutor executor, RecordingProxy proxy, ToolDefinition tool,
      String arguments) throws Exception {
    proxy.drain();
    executor.execute(tool, (ObjectNode) new ObjectMapper().readTree(arguments), new CallContext("c", "c", "c"));
    List<Exchange> exchanges = proxy.drain();
    assertThat(exchanges).as("requests of %s", tool.name()).hasSize(1);
    Verdict verdict = Verdict.of(exchanges.get(0));
    assertThat(verdict.kind()).as("%s: %s", tool.name(), verdict.detail()).isEqualTo(Verdict.Kind.REJECTED);
    return verdict;
  }

  private static ToolDefinition tool(ServerDefinition definition, String name) {
    return definition.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static ToolDefinition rebind(ToolDefinition tool, HttpBinding http) {
    return new ToolDefinition(tool.name(), tool.title(), tool.description(),
        "{\"type\":\"object\"}", null, tool.annotations(), http);
  }

  private static Path prismCli() {
    return Path.of(System.getProperty("prism.cli", ".ci/node_modules/@stoplight/prism-cli/dist/index.js"))
        .toAbsolutePath();
  }

  private static String node() {
    return System.getProperty("prism.node", "node");
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
