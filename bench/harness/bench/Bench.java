package bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The side-by-side benchmark of issue 6: every row is measured for our server and for the peer
 * (openapi-mcp-generator) in the same run, alternating which goes first, and printed as one table.
 *
 * <p>Run by {@code bench/run-all.sh}, which installs the peer, builds both sides and passes every path as
 * {@code key=value} arguments (see {@link Config}).
 */
public final class Bench {
  private static final String CALL_PARAMS = "{\"name\":\"getPetById\",\"arguments\":{\"petId\":$N}}";

  private final Config config;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private Bench(Config config) {
    this.config = config;
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    Timed.requireTime();
    new Bench(config).runAll();
  }

  private void runAll() throws Exception {
    log("runs per row: " + config.runs + "; rows: " + config.rows);
    try (MockBackend mock = new MockBackend()) {
      if (config.rows.contains("generate")) {
        generation();
      }
      if (config.rows.contains("compile")) {
        compile();
      }
      if (config.rows.contains("start")) {
        coldStart(mock);
      }
      if (config.rows.contains("calls")) {
        stdioCalls(mock);
      }
      if (config.rows.contains("http")) {
        httpThroughput(mock);
      }
      if (config.rows.contains("list")) {
        toolsList();
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(Row.header()).append('\n');
    rows.forEach(row -> out.append(row.markdown()).append('\n'));
    out.append('\n');
    notes.forEach(note -> out.append("- ").append(note).append('\n'));
    System.out.print(out);
    Files.writeString(config.work.resolve("results.md"), out, StandardCharsets.UTF_8);
    log("written: " + config.work.resolve("results.md"));
  }

  // ---- 1. generation of GitHub's description ------------------------------------------------------------------

  private void generation() throws Exception {
    Path oursOut = config.work.resolve("gen-ours");
    Path peerOut = config.work.resolve("gen-peer");
    // The first variant is the target row: the launcher beside the command-line jar (issue 6: C1 only, parallel GC,
    // the AppCDS archive its unmeasured first run below records). The others show what each JVM means gives.
    Path launcher = config.cliJar.resolveSibling("openapi2mcp");
    Files.deleteIfExists(config.cliJar.resolveSibling(config.cliJar.getFileName() + ".jsa"));
    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("the launcher (default)", List.of(launcher.toString()));
    variants.put("plain `java -jar`", cli(List.of()));
    variants.put("-XX:TieredStopAtLevel=1 -XX:+UseParallelGC",
        cli(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC")));
    Map<String, List<Double>> oursWall = new LinkedHashMap<>();
    Map<String, List<Double>> oursRss = new LinkedHashMap<>();
    variants.keySet().forEach(k -> {
      oursWall.put(k, new ArrayList<>());
      oursRss.put(k, new ArrayList<>());
    });
    List<Double> peerWall = new ArrayList<>();
    List<Double> peerRss = new ArrayList<>();
    // One unmeasured run of each warms the file cache; the launcher's records its archive.
    for (List<String> command : variants.values()) {
      delete(oursOut);
      check("our generator", Timed.run(generateGitHub(command, oursOut), null));
    }
    delete(peerOut);
    check("the peer's generator", Timed.run(peerGenerate(peerOut), null));
    for (int run = 0; run < config.runs; run++) {
      for (boolean oursTurn : order(run)) {
        if (oursTurn) {
          for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
            delete(oursOut);
            Timed.Run r = check("our generator", Timed.run(generateGitHub(variant.getValue(), oursOut), null));
            oursWall.get(variant.getKey()).add(r.seconds());
            oursRss.get(variant.getKey()).add(r.peakMib());
          }
        } else {
          delete(peerOut);
          Timed.Run r = check("the peer's generator", Timed.run(peerGenerate(peerOut), null));
          peerWall.add(r.seconds());
          peerRss.add(r.peakMib());
        }
      }
      log(String.format("generate run %d: ours %.2f s, peer %.2f s", run + 1,
          last(oursWall.get("the launcher (default)")), last(peerWall)));
    }
    Stats peer = new Stats(peerWall);
    Stats peerMemory = new Stats(peerRss);
    boolean first = true;
    for (String variant : variants.keySet()) {
      Stats ours = new Stats(oursWall.get(variant));
      rows.add(new Row(first ? "1. GitHub generation (1,223 ops), wall, ours (default: the launcher)"
          : "1. GitHub generation, ours with " + variant,
          "s", ours, peer, first ? null : variant, null, first ? "≤ 1.0× peer" : null,
          first ? ours.median() <= peer.median() : null));
      rows.add(new Row(first ? "1. GitHub generation, peak RSS, ours (default: the launcher)"
          : "1. GitHub generation peak RSS, ours with " + variant, "MiB", new Stats(oursRss.get(variant)),
          peerMemory, first ? null : variant, null, null, null));
      first = false;
    }
    notes.add("Row 1: the first row runs the launcher beside the command-line jar (generator-core/target/openapi2mcp: "
        + "-XX:TieredStopAtLevel=1, -XX:+UseParallelGC, -XX:MaxTenuringThreshold=0 and the AppCDS archive its "
        + "unmeasured first run recorded); "
        + "\"plain `java -jar`\" is the jar with the JDK's defaults.");
  }

  /** Our command-line jar with {@code jvmFlags}. */
  private List<String> cli(List<String> jvmFlags) {
    List<String> command = new ArrayList<>();
    command.add(config.java);
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(config.cliJar.toString());
    return command;
  }

  private List<String> generateGitHub(List<String> generator, Path out) {
    List<String> command = new ArrayList<>(generator);
    command.addAll(List.of("generate", "--spec", config.githubSpec.toString(), "--package", "bench.github", "--out",
        out.toString(), "--server-name", "github"));
    return command;
  }

  private List<String> peerGenerate(Path out) {
    return List.of(config.node, config.peerGenerator.toString(), "-i", config.githubSpec.toString(), "-o",
        out.toString(), "--force");
  }

  // ---- 2. compile time of the generated GitHub server ---------------------------------------------------------

  private void compile() throws Exception {
    Path oursSources = config.work.resolve("gen-ours");
    Path peerDir = config.work.resolve("gen-peer");
    if (!Files.isDirectory(oursSources) || !Files.isDirectory(peerDir)) {
      throw new IllegalStateException("the compile row needs the generate row first");
    }
    Path classes = config.work.resolve("gen-ours-classes");
    Path argFile = config.work.resolve("gen-ours-sources.txt");
    try (Stream<Path> files = Files.walk(oursSources)) {
      Files.write(argFile, files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted()
          .collect(Collectors.toList()));
    }
    // tsc needs the peer's dependencies (types of the MCP SDK, zod, axios): those of its petstore server.
    Path modules = peerDir.resolve("node_modules");
    Files.deleteIfExists(modules);
    Files.createSymbolicLink(modules, config.peerStdio.resolve("node_modules").toAbsolutePath());
    List<Double> oursWall = new ArrayList<>();
    List<Double> peerWall = new ArrayList<>();
    int peerErrors = 0;
    for (int run = 0; run < config.runs; run++) {
      for (boolean oursTurn : order(run)) {
        if (oursTurn) {
          delete(classes);
          Files.createDirectories(classes);
          Timed.Run r = check("javac of our GitHub server", Timed.run(List.of(config.javac, "--release", "17",
              "-Xlint:all", "-Werror", "-cp", config.petstoreJar.toString(), "-d", classes.toString(),
              "@" + argFile), null));
          oursWall.add(r.seconds());
        } else {
          delete(peerDir.resolve("build"));
          Timed.Run r = Timed.run(List.of(config.node, config.peerStdio.resolve(
              "node_modules/typescript/bin/tsc").toString()), peerDir.toFile());
          peerErrors = (int) r.output().lines().filter(l -> l.contains("error TS")).count();
          peerWall.add(r.seconds());
        }
      }
      log(String.format("compile run %d: ours %.2f s, peer %.2f s", run + 1, last(oursWall), last(peerWall)));
    }
    rows.add(new Row("2. compile the generated GitHub server", "s", new Stats(oursWall), new Stats(peerWall),
        "javac, -Xlint:all -Werror", peerErrors == 0 ? "tsc" : "tsc fails: " + peerErrors + " error(s)", null, null));
    if (peerErrors > 0) {
      notes.add("Row 2: the peer's GitHub output does not type-check (tsc reports " + peerErrors
          + " error(s), e.g. TS2590 \"union type too complex\"); tsc still emits JavaScript, which row 5 runs.");
    }
  }

  // ---- 3. cold start over stdio -------------------------------------------------------------------------------

  private void coldStart(MockBackend mock) throws Exception {
    Path archive = config.work.resolve("petstore-app.jsa");
    Files.deleteIfExists(archive);
    // The dump run exercises what a session does (initialize, list, one call) so that those classes are archived.
    try (StdioClient dump = StdioClient.start(List.of(config.java, "-XX:ArchiveClassesAtExit=" + archive, "-jar",
        config.petstoreJar.toString(), "--base-url", mock.baseUrl()), Map.of("PETSTORE_API_KEY", "bench"))) {
      dump.initialize();
      dump.request("tools/list", null);
      dump.request("tools/call", CALL_PARAMS.replace("$N", "1"));
    }
    // Issue 6: what the README tells clients to run is the launcher beside the jar (AppCDS archive recorded by its
    // first start, C1 only, serial GC); its unmeasured first start below records the archive.
    Path launcher = config.petstoreJar.resolveSibling("petstore-mcp-server");
    Files.deleteIfExists(config.petstoreJar.resolveSibling(config.petstoreJar.getFileName() + ".jsa"));
    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("the launcher (default)", List.of(launcher.toString()));
    variants.put("plain `java -jar`", ourPetstore(List.of()));
    variants.put("-XX:TieredStopAtLevel=1", ourPetstore(List.of("-XX:TieredStopAtLevel=1")));
    variants.put("AppCDS archive", ourPetstore(List.of("-XX:SharedArchiveFile=" + archive)));
    variants.put("AppCDS + TieredStopAtLevel=1", ourPetstore(List.of("-XX:SharedArchiveFile=" + archive,
        "-XX:TieredStopAtLevel=1")));
    variants.put("-Xshare:off (no CDS at all)", ourPetstore(List.of("-Xshare:off")));
    Map<String, List<Double>> ours = new LinkedHashMap<>();
    variants.keySet().forEach(k -> ours.put(k, new ArrayList<>()));
    List<Double> peer = new ArrayList<>();
    List<String> peerCommand = List.of(config.node, config.peerStdio.resolve("build/index.js").toString());
    // One unmeasured start of each warms the file cache.
    firstAnswer(peerCommand);
    for (List<String> command : variants.values()) {
      firstAnswer(command);
    }
    for (int run = 0; run < config.runs; run++) {
      for (boolean oursTurn : order(run)) {
        if (oursTurn) {
          for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
            ours.get(variant.getKey()).add(firstAnswer(variant.getValue()));
          }
        } else {
          peer.add(firstAnswer(peerCommand));
        }
      }
      log(String.format("start run %d: ours %.3f s, peer %.3f s", run + 1, last(ours.get("the launcher (default)")),
          last(peer)));
    }
    Stats peerStats = new Stats(peer);
    boolean first = true;
    for (Map.Entry<String, List<Double>> variant : ours.entrySet()) {
      Stats stats = new Stats(variant.getValue());
      rows.add(new Row((first ? "3. cold start to `initialize` answer, stdio, ours (default: the launcher)"
          : "3. cold start, ours with "
          + variant.getKey()), "s", stats, peerStats, first ? null : variant.getKey(), null,
          first ? "≤ 0.85× peer" : null, first ? stats.median() <= 0.85 * peerStats.median() : null));
      first = false;
    }
    notes.add("Row 3: the first row is what the README's client config runs, the launcher beside the jar "
        + "(target/petstore-mcp-server: the AppCDS archive its unmeasured first start recorded, "
        + "-XX:TieredStopAtLevel=1, -XX:+UseSerialGC). \"plain `java -jar`\" is the jar with the JDK's default CDS "
        + "archive only; the other rows add JVM flags to it, with an AppCDS archive the harness dumped with "
        + "-XX:ArchiveClassesAtExit from one run of initialize, tools/list and tools/call.");
  }

  private List<String> ourPetstore(List<String> jvmFlags) {
    List<String> command = new ArrayList<>();
    command.add(config.java);
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(config.petstoreJar.toString());
    return command;
  }

  /** Seconds from spawn to the complete first line of the {@code initialize} answer. */
  private static double firstAnswer(List<String> command) throws IOException {
    long start = System.nanoTime();
    try (StdioClient client = StdioClient.start(command, Map.of())) {
      JsonNode result = client.request("initialize", StdioClient.INITIALIZE_PARAMS);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!result.has("protocolVersion")) {
        throw new IllegalStateException(command + ": no protocolVersion in " + result);
      }
      return seconds;
    }
  }

  // ---- 3b/4a. RSS after 1,000 calls and added latency over stdio -------------------------------------------------

  private void stdioCalls(MockBackend mock) throws Exception {
    List<Double> oursMedian = new ArrayList<>();
    List<Double> oursP99 = new ArrayList<>();
    List<Double> peerMedian = new ArrayList<>();
    List<Double> peerP99 = new ArrayList<>();
    List<Double> oursRss = new ArrayList<>();
    List<Double> peerRss = new ArrayList<>();
    List<Double> directMedian = new ArrayList<>();
    List<Double> directP99 = new ArrayList<>();
    for (int run = 0; run < config.runs; run++) {
      Stats baseline = directLatencies(mock.port());
      directMedian.add(baseline.median());
      directP99.add(baseline.percentile(99));
      for (boolean oursTurn : order(run)) {
        List<String> command = oursTurn
            // What clients run by default (issue 6): the launcher beside the jar, as in row 3.
            ? List.of(config.petstoreJar.resolveSibling("petstore-mcp-server").toString(), "--base-url", mock.baseUrl())
            : List.of(config.node, config.peerStdio.resolve("build/index.js").toString());
        Map<String, String> env = oursTurn ? Map.of("PETSTORE_API_KEY", "bench")
            : Map.of("API_BASE_URL", mock.baseUrl(), "API_KEY_API_KEY", "bench");
        double[] rss = new double[1];
        Stats calls = stdioLatencies(command, env, rss);
        (oursTurn ? oursMedian : peerMedian).add(calls.median() - baseline.median());
        (oursTurn ? oursP99 : peerP99).add(calls.percentile(99) - baseline.percentile(99));
        (oursTurn ? oursRss : peerRss).add(rss[0]);
      }
      log(String.format("calls run %d: direct %.3f ms, added ours %.3f ms, peer %.3f ms; RSS ours %.0f, peer %.0f MiB",
          run + 1, last(directMedian), last(oursMedian), last(peerMedian), last(oursRss), last(peerRss)));
    }
    Stats om = new Stats(oursMedian);
    Stats op = new Stats(oursP99);
    Stats or = new Stats(oursRss);
    Stats pr = new Stats(peerRss);
    rows.add(new Row("3. RSS after 1,000 `tools/call`, stdio", "MiB", or, pr, null, null, "≤ 1.0× peer",
        or.median() <= pr.median()));
    rows.add(new Row("4. `tools/call` added latency, median", "ms", om, new Stats(peerMedian), null, null,
        "≤ 0.5 ms", om.median() <= 0.5));
    rows.add(new Row("4. `tools/call` added latency, p99", "ms", op, new Stats(peerP99), null, null, "≤ 2 ms",
        op.median() <= 2.0));
    notes.add(String.format("Rows 3–4 (stdio calls): per run, %d `getPetById` calls after %d unmeasured ones, one at "
        + "a time, through each server to the mock API in the harness JVM; the baseline is the same number of GETs "
        + "sent directly on one keep-alive connection of the harness's lean client, median %s ms [%s–%s], p99 %s ms. Added latency "
        + "= the server's percentile minus the direct percentile of the same run (a difference of distributions, "
        + "not of paired calls). RSS is VmRSS from /proc/<pid>/status right after the 1,000th call (the last, in a shorter run).",
        config.calls, config.warmup, Row.format(new Stats(directMedian).median()),
        Row.format(new Stats(directMedian).min()), Row.format(new Stats(directMedian).max()),
        Row.format(new Stats(directP99).median())));
  }

  /** The same calls without a server in between, on the lean client so that the baseline is not inflated. */
  private Stats directLatencies(int port) throws IOException {
    List<Double> millis = new ArrayList<>();
    try (RawHttp connection = new RawHttp(port, 10_000)) {
      for (int i = 0; i < config.warmup + config.calls; i++) {
        long start = System.nanoTime();
        RawHttp.Response response = connection.exchange("GET", "/v2/pet/" + (1 + i % 5), Map.of(), null);
        long elapsed = System.nanoTime() - start;
        if (response.status() != 200 || !response.body().contains("doggie-" + (1 + i % 5))) {
          throw new IllegalStateException("mock API answered " + response.status());
        }
        if (i >= config.warmup) {
          millis.add(elapsed / 1e6);
        }
      }
    }
    return new Stats(millis);
  }

  private Stats stdioLatencies(List<String> command, Map<String, String> env, double[] rssMib) throws IOException {
    List<Double> millis = new ArrayList<>();
    try (StdioClient client = StdioClient.start(command, env)) {
      client.initialize();
      int total = config.warmup + config.calls;
      for (int i = 0; i < total; i++) {
        String params = CALL_PARAMS.replace("$N", Integer.toString(1 + i % 5));
        long start = System.nanoTime();
        String answer = client.requestRaw("tools/call", params);
        long elapsed = System.nanoTime() - start;
        JsonNode result = StdioClient.JSON.readTree(answer).path("result");
        if (result.path("isError").asBoolean(false) || !result.toString().contains("doggie-" + (1 + i % 5))) {
          throw new IllegalStateException(command + ": call " + i + " was not served: " + answer);
        }
        if (i >= config.warmup) {
          millis.add(elapsed / 1e6);
        }
        if (i + 1 == 1000 || i + 1 == total && total < 1000) {
          rssMib[0] = client.rssKib() / 1024.0;
        }
      }
    }
    return new Stats(millis);
  }

  // ---- 4b. Streamable HTTP throughput -------------------------------------------------------------------------

  private record Load(String name, int sessions, int inFlight) {}

  private void httpThroughput(MockBackend mock) throws Exception {
    List<Load> loads = List.of(new Load("1 session", 1, 1), new Load("8 sessions", 8, 1),
        new Load("64 sessions", 64, 1), new Load("1 session, 64 in flight", 1, 64));
    Duration timeout = Duration.ofSeconds(5);
    HttpLoad load = new HttpLoad(timeout);
    Duration duration = Duration.ofSeconds(config.seconds);
    Map<Load, List<HttpLoad.Result>> ours = new LinkedHashMap<>();
    Map<Load, List<HttpLoad.Result>> peer = new LinkedHashMap<>();
    loads.forEach(l -> {
      ours.put(l, new ArrayList<>());
      peer.put(l, new ArrayList<>());
    });
    List<Double> ceiling = new ArrayList<>();
    for (int run = 0; run < config.runs; run++) {
      ceiling.add(load.run(HttpLoad.direct(mock.port()), 64, 1, duration).callsPerSecond());
      for (boolean oursTurn : order(run)) {
        int port = oursTurn ? freePort() : config.peerHttpPort;
        List<String> command = oursTurn
            ? List.of(config.java, "-jar", config.petstoreJar.toString(), "--transport", "http", "--port",
                Integer.toString(port), "--base-url", mock.baseUrl())
            : List.of(config.node, config.peerHttp.resolve("build/index.js").toString());
        Map<String, String> env = oursTurn ? Map.of("PETSTORE_API_KEY", "bench")
            : Map.of("API_BASE_URL", mock.baseUrl(), "API_KEY_API_KEY", "bench");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process server = builder.start();
        try {
          awaitPort(port, server);
          HttpLoad.Target target = HttpLoad.mcp(port, CALL_PARAMS);
          load.run(target, 1, 8, Duration.ofSeconds(2)); // warm-up, not counted
          for (Load l : loads) {
            HttpLoad.Result result = load.run(target, l.sessions(), l.inFlight(), duration);
            (oursTurn ? ours : peer).get(l).add(result);
            log(String.format("http run %d %s %s: %s", run + 1, oursTurn ? "ours" : "peer", l.name(),
                result.summary()));
          }
        } finally {
          server.destroy();
          if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
          }
        }
      }
    }
    double peerBest = 0;
    for (Load l : loads) {
      peerBest = Math.max(peerBest, new Stats(rates(peer.get(l))).median());
    }
    for (Load l : loads) {
      Stats o = new Stats(rates(ours.get(l)));
      Stats p = new Stats(rates(peer.get(l)));
      boolean target = l.sessions() == 64;
      boolean clean = ours.get(l).stream().allMatch(r -> r.errors() == 0 && r.timeouts() == 0
          && r.sessionsServed() == r.sessions());
      rows.add(new Row("4. Streamable HTTP, " + l.name(), "calls/s", o, p, faults(ours.get(l)), faults(peer.get(l)),
          target ? "≥ 3× peer's best (" + Row.format(3 * peerBest) + "), 0 errors, all served" : null,
          target ? clean && o.median() >= 3 * peerBest : null));
    }
    Stats c = new Stats(ceiling);
    notes.add(String.format("Row 4 (HTTP): load client = a lean JVM client in the harness (blocking HTTP/1.1 "
        + "keep-alive sockets, one platform thread and connection per request in flight, each session opened by its "
        + "own initialize), %d s per load after a 2 s warm-up, 5 s timeout per request. Its ceiling, the same client "
        + "against the mock API directly with 64 threads: %s calls/s [%s–%s]. Cells add errors (e), timeouts (t) "
        + "and sessions served (s) summed over the runs where any failed.", config.seconds,
        Row.format(c.median()), Row.format(c.min()), Row.format(c.max())));
  }

  private static List<Double> rates(List<HttpLoad.Result> results) {
    return results.stream().map(HttpLoad.Result::callsPerSecond).collect(Collectors.toList());
  }

  private static String faults(List<HttpLoad.Result> results) {
    long errors = results.stream().mapToLong(HttpLoad.Result::errors).sum();
    long timeouts = results.stream().mapToLong(HttpLoad.Result::timeouts).sum();
    int served = results.stream().mapToInt(HttpLoad.Result::sessionsServed).sum();
    int sessions = results.stream().mapToInt(HttpLoad.Result::sessions).sum();
    if (errors == 0 && timeouts == 0 && served == sessions) {
      return null;
    }
    return errors + " e, " + timeouts + " t, " + served + "/" + sessions + " s";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPort(int port, Process server) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException("the server exited with " + server.exitValue() + " before listening on " + port);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IOException("nothing listens on port " + port + " after 60 s");
  }

  // ---- 5. tools/list size for GitHub --------------------------------------------------------------------------

  private void toolsList() throws Exception {
    Path classes = config.work.resolve("gen-ours-classes");
    Path peerBuild = config.work.resolve("gen-peer/build/index.js");
    if (!Files.isDirectory(classes) || !Files.isRegularFile(peerBuild)) {
      throw new IllegalStateException("the list row needs the generate and compile rows first");
    }
    Listing ours = listing(List.of(config.java, "-cp", classes + File.pathSeparator + config.petstoreJar,
        "bench.github.GithubServer"), config.work.resolve("tools-list-ours.jsonl"));
    Listing peer = listing(List.of(config.node, peerBuild.toString()), config.work.resolve("tools-list-peer.jsonl"));
    rows.add(new Row("5. GitHub `tools/list`, bytes of `result` (all pages)", "bytes",
        new Stats(List.of((double) ours.bytes)), new Stats(List.of((double) peer.bytes)),
        ours.pages + " page(s)", peer.pages + " page(s)", "≤ 0.8× peer", ours.bytes <= 0.8 * peer.bytes));
    rows.add(new Row("5. GitHub `tools/list`, estimated tokens (bytes/4)", "tokens",
        new Stats(List.of(ours.bytes / 4.0)), new Stats(List.of(peer.bytes / 4.0)), null, null, null, null));
    notes.add("Row 5: measured once per side (the listing is deterministic; the pages are kept in tools-list-*.jsonl). What each listing keeps, ours | peer: "
        + ours.describe() + " | " + peer.describe() + ".");
  }

  /** What a {@code tools/list} listing holds, summed over all its pages. */
  private static final class Listing {
    long bytes;
    int pages;
    int tools;
    int titles;
    int annotations;
    int outputSchemas;
    long descriptionBytes;
    long inputSchemaBytes;
    long outputSchemaBytes;
    int arguments;
    int required;

    String describe() {
      return String.format("%,d tools, %d with title, %d with annotations, %d with outputSchema; descriptions %,d B, "
          + "input schemas %,d B (%,d top-level arguments, %,d required), output schemas %,d B", tools, titles,
          annotations, outputSchemas, descriptionBytes, inputSchemaBytes, arguments, required, outputSchemaBytes);
    }
  }

  /** Lists every page and keeps each page's {@code result} as one line of {@code pages} for a reader to compare. */
  private static Listing listing(List<String> command, Path pages) throws IOException {
    Listing listing = new Listing();
    StringBuilder kept = new StringBuilder();
    try (StdioClient client = StdioClient.start(command, Map.of())) {
      client.initialize();
      String cursor = null;
      do {
        JsonNode result = client.request("tools/list", cursor == null ? null
            : "{\"cursor\":" + StdioClient.JSON.writeValueAsString(cursor) + "}");
        listing.pages++;
        String compact = StdioClient.JSON.writeValueAsString(result);
        kept.append(compact).append('\n');
        listing.bytes += compact.getBytes(StandardCharsets.UTF_8).length;
        for (JsonNode tool : result.path("tools")) {
          listing.tools++;
          if (tool.hasNonNull("title") || tool.path("annotations").hasNonNull("title")) {
            listing.titles++;
          }
          if (tool.has("annotations")) {
            listing.annotations++;
          }
          if (tool.has("outputSchema")) {
            listing.outputSchemas++;
            listing.outputSchemaBytes += StdioClient.JSON.writeValueAsBytes(tool.get("outputSchema")).length;
          }
          listing.descriptionBytes += tool.path("description").asText("").getBytes(StandardCharsets.UTF_8).length;
          listing.inputSchemaBytes += StdioClient.JSON.writeValueAsBytes(tool.path("inputSchema")).length;
          listing.arguments += tool.path("inputSchema").path("properties").size();
          listing.required += tool.path("inputSchema").path("required").size();
        }
        cursor = result.hasNonNull("nextCursor") ? result.get("nextCursor").asText() : null;
      } while (cursor != null);
    }
    Files.writeString(pages, kept, StandardCharsets.UTF_8);
    return listing;
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /** Even runs measure ours first, odd runs the peer first, so that neither always gets the warmer machine. */
  private static List<Boolean> order(int run) {
    return run % 2 == 0 ? List.of(true, false) : List.of(false, true);
  }

  private static Timed.Run check(String what, Timed.Run run) {
    if (run.exitCode() != 0) {
      throw new IllegalStateException(what + " failed with exit code " + run.exitCode() + ":\n" + run.output());
    }
    return run;
  }

  private static double last(List<Double> values) {
    return values.get(values.size() - 1);
  }

  private static void delete(Path directory) throws IOException {
    if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(path);
      }
    }
  }

  private static void log(String line) {
    System.err.println("bench: " + line);
  }

  /** The harness's settings, all given by {@code run-all.sh} as {@code key=value} arguments. */
  static final class Config {
    Path work;
    Path cliJar;
    Path petstoreJar;
    Path githubSpec;
    Path peerGenerator;
    Path peerStdio;
    Path peerHttp;
    int peerHttpPort;
    String java;
    String javac;
    String node;
    int runs;
    int calls;
    int warmup;
    int seconds;
    List<String> rows;

    static Config parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String arg : args) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("expected key=value, got " + arg);
        }
        values.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
      Function<String, String> required = key -> {
        String value = values.get(key);
        if (value == null) {
          throw new IllegalArgumentException("missing argument " + key + "=…");
        }
        return value;
      };
      String javaHome = System.getProperty("java.home");
      Config c = new Config();
      c.work = Path.of(required.apply("work"));
      c.cliJar = Path.of(required.apply("cliJar"));
      c.petstoreJar = Path.of(required.apply("petstoreJar"));
      c.githubSpec = Path.of(required.apply("githubSpec"));
      c.peerGenerator = Path.of(required.apply("peerGenerator"));
      c.peerStdio = Path.of(required.apply("peerStdio"));
      c.peerHttp = Path.of(required.apply("peerHttp"));
      c.peerHttpPort = Integer.parseInt(required.apply("peerHttpPort"));
      c.node = required.apply("node");
      c.java = values.getOrDefault("java", javaHome + "/bin/java");
      c.javac = values.getOrDefault("javac", javaHome + "/bin/javac");
      c.runs = Integer.parseInt(values.getOrDefault("runs", "5"));
      c.calls = Integer.parseInt(values.getOrDefault("calls", "1000"));
      c.warmup = Integer.parseInt(values.getOrDefault("warmup", "3000"));
      c.seconds = Integer.parseInt(values.getOrDefault("seconds", "10"));
      c.rows = List.of(values.getOrDefault("rows", "generate,compile,start,calls,http,list").split(","));
      return c;
    }
  }
}
