package dev.openapi2mcp.generator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Takes one corpus spec through every {@link Stage} and says how far it got and why it stopped. Nothing thrown
 * by the generator, the compiler or the server escapes: each becomes the cause of the stage it broke.
 */
final class SpecRunner {
  static final String PACKAGE = "dev.openapi2mcp.corpus.generated";
  /** A closed port: the server needs a base URL to start, and tools/list never calls the API. */
  static final String BASE_URL = "http://127.0.0.1:9";
  private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path workRoot;
  private final String classPath;
  private final Duration timeout;
  private final boolean keep;
  private final ThreadLocal<SchemaValidity> validity = ThreadLocal.withInitial(SchemaValidity::new);

  /**
   * @param workRoot where each spec gets a directory for its sources, classes and server log
   * @param classPath the class path to compile against and to run the server with (the test class path)
   * @param timeout how long the server may take to answer one request
   * @param keep whether to keep the work directory of a spec that passed (failures are always kept)
   */
  SpecRunner(Path workRoot, String classPath, Duration timeout, boolean keep) {
    this.workRoot = workRoot;
    this.classPath = classPath;
    this.timeout = timeout;
    this.keep = keep;
  }

  /**
   * The test class path as surefire and failsafe know it ({@code surefire.test.class.path}; {@code java.class.path}
   * may be a manifest-only jar), without entries that do not exist, which javac's {@code -Xlint:path} would warn
   * about.
   */
  static String testClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Stream.of(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && Files.exists(Path.of(entry)))
        .collect(Collectors.joining(File.pathSeparator));
  }

  SpecOutcome run(CorpusSpec spec) {
    Map<Stage, Long> millis = new EnumMap<>(Stage.class);
    Path dir = workRoot.resolve(spec.directoryName());
    Stage stage = Stage.GENERATE;
    int tools = -1;
    int warnings = 0;
    long start = System.nanoTime();
    try {
      delete(dir);
      Path sources = dir.resolve("src");
      GenerationResult result = Generator.run(new GeneratorConfig(spec.file().toString(), sources, PACKAGE,
          spec.serverName()));
      tools = result.toolCount();
      warnings = result.warnings().size();
      String serverClass = serverClass(result);
      start = lap(millis, stage, start);

      stage = Stage.COMPILE;
      String compileErrors = new SourceCompiler(classPath).compile(sources, dir.resolve("classes"));
      if (compileErrors != null) {
        return failed(spec, stage, compileErrors, tools, warnings, millis, start);
      }
      start = lap(millis, stage, start);

      stage = Stage.START;
      List<JsonNode> listed;
      try (StdioSession session = StdioSession.start(dir.resolve("classes") + File.pathSeparator + classPath,
          serverClass, List.of("--base-url", BASE_URL), dir.resolve("server.log"), timeout)) {
        session.request("initialize", initializeParams());
        session.notify("notifications/initialized");
        start = lap(millis, stage, start);

        stage = Stage.LIST;
        listed = listAll(session);
      }
      String listProblem = checkList(listed, tools);
      if (listProblem != null) {
        return failed(spec, stage, listProblem, tools, warnings, millis, start);
      }
      start = lap(millis, stage, start);

      stage = Stage.SCHEMAS;
      String schemaProblem = checkSchemas(listed);
      if (schemaProblem != null) {
        return failed(spec, stage, schemaProblem, tools, warnings, millis, start);
      }
      lap(millis, stage, start);
    } catch (GenerationException e) {
      return failed(spec, stage, generationCause(e), tools, warnings, millis, start);
    } catch (StdioSession.SessionException e) {
      return failed(spec, stage, e.getMessage(), tools, warnings, millis, start);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return failed(spec, stage, describe(e), tools, warnings, millis, start);
    }
    if (!keep) {
      delete(dir);
    }
    return new SpecOutcome(spec, Stage.PASSED, null, tools, warnings, millis);
  }

  private static ObjectNode initializeParams() {
    ObjectNode params = MAPPER.createObjectNode().put("protocolVersion", "2025-06-18");
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "openapi2mcp-corpus").put("version", "1");
    return params;
  }

  private static List<JsonNode> listAll(StdioSession session) throws IOException, StdioSession.SessionException {
    List<JsonNode> tools = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    do {
      ObjectNode params = MAPPER.createObjectNode();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonNode page = session.request("tools/list", params);
      page.path("tools").forEach(tools::add);
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
      if (cursor != null && !cursors.add(cursor)) {
        throw new StdioSession.SessionException("tools/list: nextCursor " + cursor + " came twice");
      }
    } while (cursor != null);
    return tools;
  }

  /** Null when the listed tools are as many as generated, each named validly and uniquely. */
  private static String checkList(List<JsonNode> listed, int generated) {
    if (listed.size() != generated) {
      return "tools/list listed " + listed.size() + " tools, the generator made " + generated;
    }
    Set<String> names = new HashSet<>();
    for (JsonNode tool : listed) {
      String name = tool.path("name").asText();
      if (!TOOL_NAME.matcher(name).matches()) {
        return "tool name '" + name + "' is not [A-Za-z0-9_.-]{1,64}";
      }
      if (!names.add(name)) {
        return "tool name '" + name + "' is listed twice";
      }
    }
    return null;
  }

  private String checkSchemas(List<JsonNode> listed) throws IOException {
    List<String> problems = new ArrayList<>();
    int bad = 0;
    for (JsonNode tool : listed) {
      for (String field : List.of("inputSchema", "outputSchema")) {
        JsonNode schema = tool.get(field);
        if (schema == null && field.equals("outputSchema")) {
          continue;
        }
        List<String> found = schema == null ? List.of("missing")
            : validity.get().problems(MAPPER.writeValueAsString(schema));
        if (!found.isEmpty()) {
          bad++;
          if (problems.size() < 3) {
            problems.add("tool " + tool.path("name").asText() + " " + field + ": " + found.get(0));
          }
        }
      }
    }
    return bad == 0 ? null : bad + " invalid schema(s): " + String.join(" | ", problems);
  }

  private static String serverClass(GenerationResult result) {
    List<Path> servers = Stream.concat(result.written().stream(), result.unchanged().stream())
        .filter(p -> p.getFileName().toString().endsWith("Server.java"))
        .toList();
    if (servers.size() != 1) {
      throw new IllegalStateException("expected one *Server.java among the generated files, found " + servers);
    }
    String name = servers.get(0).toString().replace(File.separatorChar, '.');
    return name.substring(0, name.length() - ".java".length());
  }

  private static String generationCause(GenerationException e) {
    List<Diagnostic> errors = e.diagnostics().stream()
        .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
        .toList();
    if (errors.isEmpty()) {
      return e.getMessage();
    }
    return errors.size() + " error(s): " + errors.stream().limit(3).map(Diagnostic::toString)
        .collect(Collectors.joining(" | "));
  }

  private static String describe(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String where = trace.length == 0 ? "" : " at " + trace[0];
    String message = e.toString();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      message += " caused by " + root;
    }
    return message + where;
  }

  private static SpecOutcome failed(CorpusSpec spec, Stage stage, String cause, int tools, int warnings,
      Map<Stage, Long> millis, long start) {
    lap(millis, stage, start);
    String oneLine = cause.replaceAll("\\s+", " ");
    return new SpecOutcome(spec, stage, oneLine.length() <= 1000 ? oneLine : oneLine.substring(0, 1000) + "…",
        tools, warnings, millis);
  }

  private static long lap(Map<Stage, Long> millis, Stage stage, long start) {
    long now = System.nanoTime();
    millis.put(stage, (now - start) / 1_000_000);
    return now;
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
