package dev.openapi2mcp.generator.fidelity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.http.resilience.BreakerPolicy;
import dev.openapi2mcp.runtime.http.resilience.Resilience;
import dev.openapi2mcp.runtime.http.resilience.RetryPolicy;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one spec through the fidelity check: generate and compile its server in-process, start Prism on the spec,
 * put a {@link RecordingProxy} in front of it, and call every selected tool twice through the real
 * {@link RestToolExecutor}: once with every optional argument (examples preferred), once with the required ones
 * only (examples ignored). Arguments are drawn by {@link ArgumentSampler} and must pass {@link SchemaCheck} first.
 * A JSON body Prism accepts is also checked against the spec's own schema by {@link SpecBodyCheck}.
 */
final class SpecRun {
  private static final int ATTEMPTS = 25;
  private static final String PACKAGE = "com.example.fidelity";

  private final FidelitySpec spec;
  private final Path corpusRoot;
  private final Path workDirectory;
  private final String node;
  private final Path prismCli;
  private final SchemaCheck schemaCheck = new SchemaCheck();

  SpecRun(FidelitySpec spec, Path corpusRoot, Path workDirectory, String node, Path prismCli) {
    this.spec = spec;
    this.corpusRoot = corpusRoot;
    this.workDirectory = workDirectory;
    this.node = node;
    this.prismCli = prismCli;
  }

  FidelityReport.SpecResult run() {
    long started = System.nanoTime();
    Path specFile = spec.file(corpusRoot);
    ServerDefinition definition;
    try {
      String serverName = spec.name().replaceAll("[^A-Za-z0-9]", "");
      Path out = workDirectory.resolve(spec.name()).resolve("generated");
      // The generator leaves unchanged files alone; a fresh directory makes it report every file it writes.
      deleteRecursively(out);
      definition = GeneratedServer.of(new GeneratorConfig(specFile.toString(), out, PACKAGE, serverName))
          .definition();
    } catch (Exception | AssertionError e) {
      return failed(started, "generating or compiling the server failed: " + stackTrace(e));
    }
    List<ToolDefinition> tools = spec.select(definition.tools());
    SpecBodyCheck bodyCheck;
    try {
      bodyCheck = new SpecBodyCheck(specFile);
    } catch (IOException | RuntimeException e) {
      return failed(started, "the spec cannot be read for the body check: " + stackTrace(e));
    }
    List<CallRecord> calls = new ArrayList<>();
    Path mockSpec;
    try {
      mockSpec = spec.requestSideOnly()
          ? RequestSideSpec.write(specFile, workDirectory.resolve(spec.name()).resolve("prism-spec.json"))
          : specFile;
    } catch (IOException e) {
      return failed(started, stackTrace(e));
    }
    try (PrismMock prism = PrismMock.start(node, prismCli, mockSpec);
        RecordingProxy proxy = new RecordingProxy(prism.address(), basePath(definition));
        RestToolExecutor executor = RestToolExecutor.create(definition, proxy.baseUrl(), credentials(definition),
            judgedOneByOne(ExecutorOptions.defaults()
                .withAuditSink(line -> { })
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(90))))) {
      int number = 0;
      for (ToolDefinition tool : tools) {
        for (boolean all : new boolean[] {true, false}) {
          calls.add(call(executor, prism, proxy, bodyCheck, tool, all, number++));
        }
      }
    } catch (IOException e) {
      return failed(started, stackTrace(e));
    }
    return new FidelityReport.SpecResult(spec, definition.tools().size(), calls, seconds(started), null);
  }

  private CallRecord call(RestToolExecutor executor, PrismMock prism, RecordingProxy proxy, SpecBodyCheck bodyCheck,
      ToolDefinition tool, boolean all, int number) throws IOException {
    String variant = all ? "all" : "required";
    String operation = tool.http().method() + " " + tool.http().pathTemplate();
    ObjectNode arguments = null;
    List<String> problems = List.of();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long seed = spec.seed() * 1_000_003L + tool.name().hashCode() * 31L + (all ? 1 : 0) + attempt * 7919L;
      boolean examples = all && attempt < ATTEMPTS / 2;
      ObjectNode candidate;
      try {
        candidate = new ArgumentSampler(ArgumentSampler.parse(tool.inputSchema()), seed,
            new ArgumentSampler.Options(all, examples, pathArguments(tool))).sample();
      } catch (RuntimeException e) {
        problems = List.of("sampler: " + e);
        continue;
      }
      problems = schemaCheck.problems(tool.inputSchema(), candidate.toString());
      if (problems.isEmpty()) {
        arguments = candidate;
        break;
      }
    }
    if (arguments == null) {
      return new CallRecord(tool.name(), operation, variant, "(none)",
          new Verdict(Verdict.Kind.SAMPLER_FAILED, String.join("\n", problems)), null,
          "no call made", null);
    }
    if (prism.ensureRunning()) {
      proxy.upstream(prism.address());
    }
    proxy.drain();
    ToolResult result = executor.execute(tool, arguments.deepCopy(),
        new CallContext("fidelity", "fidelity", "call-" + number));
    List<Exchange> exchanges = proxy.drain();
    if (exchanges.isEmpty()) {
      return record(tool, arguments, operation, variant,
          new Verdict(Verdict.Kind.NOT_SENT, text(result)), null, "no request was sent");
    }
    Exchange exchange = exchanges.get(exchanges.size() - 1);
    Verdict verdict = Verdict.of(exchange);
    if (verdict.kind() == Verdict.Kind.ACCEPTED) {
      List<String> bodyProblems = bodyCheck.problems(tool, exchange);
      if (!bodyProblems.isEmpty()) {
        verdict = new Verdict(Verdict.Kind.REJECTED, "Prism let it through, but the spec's own body schema "
            + "(networknt, OpenAPI dialect) rejects it:\n" + String.join("\n", bodyProblems));
      }
    }
    if (verdict.kind() == Verdict.Kind.MOCK_ERROR && prism.awaitExit(Duration.ofSeconds(5))) {
      // Node ends on an uncaught exception before answering: this request is the one that killed it.
      verdict = new Verdict(Verdict.Kind.MOCK_ERROR, "Prism crashed on this request:\n" + crashOf(prism));
      prism.ensureRunning();
      proxy.upstream(prism.address());
    }
    return record(tool, arguments, operation, variant, verdict, exchange.describeRequest(4000),
        exchange.status() + " " + Exchange.printable(exchange.responseBody(), 300));
  }

  private CallRecord record(ToolDefinition tool, ObjectNode arguments, String operation, String variant,
      Verdict verdict, String request, String answer) {
    String exclusion = verdict.kind() == Verdict.Kind.ACCEPTED
        ? null : KnownMockBugs.exclusion(tool, arguments, verdict);
    return new CallRecord(tool.name(), operation, variant, arguments.toPrettyString(), verdict, request, answer,
        exclusion);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static Set<String> pathArguments(ToolDefinition tool) {
    return tool.http().parameters().stream().filter(p -> p.location() == ParameterLocation.PATH)
        .map(ParameterBinding::argument).collect(Collectors.toSet());
  }

  /** Prism's stack trace: its output from the first line that is not a log line. */
  private static String crashOf(PrismMock prism) {
    List<String> lines = List.of(prism.recentOutput(60).split("\n"));
    int from = lines.size();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("[")) {
        break;
      }
      from = i;
    }
    return String.join("\n", lines.subList(from, lines.size())).strip();
  }

  /** The path of the spec's first server URL, where the runtime's requests must stay. */
  static String basePath(ServerDefinition definition) {
    if (definition.baseUrl() == null) {
      return "";
    }
    String path = URI.create(definition.baseUrl()).getRawPath();
    if (path == null || path.equals("/")) {
      return "";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** A dummy value for every credential variable the server reads, so that every security scheme is satisfied. */
  static Map<String, String> credentials(ServerDefinition definition) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String line : RestToolExecutor.describeCredentials(definition)) {
      String variable = line.substring(0, line.indexOf(':')).strip();
      environment.put(variable, variable.toLowerCase(Locale.ROOT).endsWith("_username")
          ? "fidelity-user" : "fidelity-secret-value");
    }
    return environment;
  }

  private static String text(ToolResult result) {
    return result.content().stream().filter(Content.Text.class::isInstance)
        .map(content -> ((Content.Text) content).text()).collect(Collectors.joining("\n"));
  }

  private FidelityReport.SpecResult failed(long started, String why) {
    return new FidelityReport.SpecResult(spec, 0, List.of(), seconds(started), why);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    String text = out.toString();
    return text.length() > 6000 ? text.substring(0, 6000) + "\n…" : text;
  }

  /**
   * Each call is judged on its own: a request that crashes Prism (502) must be neither retried nor counted by the
   * circuit breaker, which would refuse the calls after it without sending them.
   */
  static ExecutorOptions judgedOneByOne(ExecutorOptions options) {
    return options.withResilience(Resilience.defaults()
        .withRetry(RetryPolicy.defaults().withMaxRetries(0))
        .withBreaker(BreakerPolicy.disabled()));
  }
}
