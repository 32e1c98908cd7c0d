package dev.openapi2mcp.examples.petstore.e2e;

import static dev.openapi2mcp.examples.e2e.ToolResults.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.examples.e2e.McpClients;
import dev.openapi2mcp.examples.e2e.ServerProcess;
import dev.openapi2mcp.examples.petstore.demo.DemoPetstoreApi;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, scale-out: two stateless petstore replicas behind nginx (round-robin on loopback), one official MCP Java
 * SDK client through the proxy. Both replicas call one demo API that this test runs, so state written through one
 * replica is read through the other.
 *
 * <p>Every call must come back exactly once, successful and with the pet it asked for (no lost, failed or crossed
 * responses), and the replicas' audit lines must show that both served calls and that no call ran twice. The
 * figures are printed and written to {@code target/two-replica-figures.txt}.
 *
 * <p>Without nginx the test fails in CI ({@code CI=true}) and is skipped elsewhere, saying how to install it.
 */
@Timeout(300)
class TwoReplicaIT {
  private static final int CALLS = 500;
  private static final int CLIENT_THREADS = 4;
  private static final int ADDED_PETS = 20;
  private static final List<Long> SEEDED_PETS = List.of(1L, 2L, 3L, 4L, 5L);
  private static final Pattern LISTENING = Pattern.compile(
      "openapi2mcp: petstore listening on http://127\\.0\\.0\\.1:(\\d+)/mcp \\(stateless\\)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  /** What became of one tool call. */
  private enum Outcome { OK, ERROR, LOST, CROSSED }

  @Test
  void oneClientThroughNginxIsServedByBothReplicasWithoutLostOrCrossedResponses() throws Exception {
    Path nginxExecutable = requireNginx();
    try (DemoPetstoreApi api = DemoPetstoreApi.start(new PrintStream(OutputStream.nullOutputStream()));
        Replica a = Replica.start("A", api.baseUrl());
        Replica b = Replica.start("B", api.baseUrl());
        Nginx nginx = Nginx.start(nginxExecutable, temp.resolve("nginx"), List.of(a.port, b.port))) {
      McpSyncClient client = McpClients.http("http://127.0.0.1:" + nginx.port());
      Map<Outcome, Integer> outcomes = new TreeMap<>();
      List<String> problems = new ArrayList<>();
      try {
        assertThat(client.initialize().serverInfo().name()).isEqualTo("petstore");
        assertThat(client.listTools().tools()).extracting(Tool::name).contains("getPetById", "addPet");

        // Pets added through the proxy land on either replica; reading them back through the other proves the
        // replicas share nothing but the API.
        Map<Long, String> names = new LinkedHashMap<>();
        for (int i = 0; i < ADDED_PETS; i++) {
          String name = "replica-pet-" + i;
          CallToolResult added = client.callTool(CallToolRequest.builder("addPet")
              .arguments(Map.of("name", name, "photoUrls", List.of())).build());
          assertThat(added.isError()).as(text(added)).isNotEqualTo(true);
          names.put(JSON.readTree(text(added)).get("id").asLong(), name);
        }
        List<Long> ids = new ArrayList<>(SEEDED_PETS);
        ids.addAll(names.keySet());

        ExecutorService threads = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
          List<Future<Outcome>> calls = new ArrayList<>();
          for (int i = 0; i < CALLS; i++) {
            long id = ids.get(i % ids.size());
            calls.add(threads.submit(() -> getPet(client, id, names.get(id), problems)));
          }
          for (Future<Outcome> call : calls) {
            outcomes.merge(call.get(120, TimeUnit.SECONDS), 1, Integer::sum);
          }
        } finally {
          threads.shutdownNow();
        }
      } finally {
        client.closeGracefully();
      }

      // Audit lines are written before each response, but reach this JVM through pipes a moment later.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (a.auditedRequestIds("getPetById").size() + b.auditedRequestIds("getPetById").size() < CALLS
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Map<String, Set<String>> served = new LinkedHashMap<>();
      served.put("A", a.auditedRequestIds("getPetById"));
      served.put("B", b.auditedRequestIds("getPetById"));
      Map<String, Integer> proxied = new TreeMap<>();
      nginx.upstreamsServed().forEach(upstream -> proxied.merge(upstream, 1, Integer::sum));
      String figures = figures(outcomes, served, proxied, a, b);
      System.out.println(figures);
      Files.writeString(Path.of("target", "two-replica-figures.txt"), figures + "\n");

      assertThat(problems).as("failed, lost or crossed calls").isEmpty();
      assertThat(outcomes).containsExactly(Map.entry(Outcome.OK, CALLS));
      assertThat(served.get("A")).as("calls replica A served").hasSizeGreaterThanOrEqualTo(CALLS / 5);
      assertThat(served.get("B")).as("calls replica B served").hasSizeGreaterThanOrEqualTo(CALLS / 5);
      Set<String> all = new HashSet<>(served.get("A"));
      all.addAll(served.get("B"));
      assertThat(all).as("each call audited once, on one replica").hasSize(CALLS);
      assertThat(served.get("A").size() + served.get("B").size()).isEqualTo(CALLS);
    }
  }

  private static Outcome getPet(McpSyncClient client, long id, String expectedName, List<String> problems) {
    CallToolResult result;
    try {
      result = client.callTool(CallToolRequest.builder("getPetById").arguments(Map.of("petId", id)).build());
    } catch (RuntimeException e) {
      boolean timedOut = causes(e).stream().anyMatch(c -> c instanceof TimeoutException);
      record(problems, (timedOut ? "lost" : "failed") + " getPetById " + id + ": " + e);
      return timedOut ? Outcome.LOST : Outcome.ERROR;
    }
    if (Boolean.TRUE.equals(result.isError())) {
      record(problems, "getPetById " + id + " returned an error: " + text(result));
      return Outcome.ERROR;
    }
    try {
      JsonNode pet = JSON.readTree(text(result));
      boolean same = pet.path("id").asLong(-1) == id
          && (expectedName == null || expectedName.equals(pet.path("name").asText()));
      if (!same) {
        record(problems, "getPetById " + id + " answered with pet " + pet);
        return Outcome.CROSSED;
      }
      return Outcome.OK;
    } catch (IOException e) {
      record(problems, "getPetById " + id + " answered with no JSON: " + text(result));
      return Outcome.ERROR;
    }
  }

  private static synchronized void record(List<String> problems, String problem) {
    problems.add(problem);
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable c = e; c != null && !chain.contains(c); c = c.getCause()) {
      chain.add(c);
    }
    return chain;
  }

  private static String figures(Map<Outcome, Integer> outcomes, Map<String, Set<String>> served,
      Map<String, Integer> proxied, Replica a, Replica b) {
    int ok = outcomes.getOrDefault(Outcome.OK, 0);
    return "two-replica figures: calls=" + CALLS + " (" + CLIENT_THREADS + " client threads)"
        + " ok=" + ok
        + " errors=" + outcomes.getOrDefault(Outcome.ERROR, 0)
        + " lost=" + outcomes.getOrDefault(Outcome.LOST, 0)
        + " crossed=" + outcomes.getOrDefault(Outcome.CROSSED, 0)
        + "; audited getPetById per replica: A (port " + a.port + ")=" + served.get("A").size()
        + ", B (port " + b.port + ")=" + served.get("B").size()
        + "; nginx requests per upstream (all methods): " + proxied;
  }

  private static Path requireNginx() {
    Optional<Path> nginx = Nginx.find();
    if (nginx.isPresent()) {
      return nginx.get();
    }
    String message = "nginx is not installed, and the two-replica test puts it in front of the replicas "
        + "(Debian/Ubuntu: apt-get install nginx-light, or nginx)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + "; in CI it must be there: .ci/run installs it");
    }
    Assumptions.assumeTrue(false, message + "; skipped outside CI");
    throw new IllegalStateException("unreachable");
  }

  /** One {@code --stateless} server process and its stderr. */
  private static final class Replica implements AutoCloseable {
    final String name;
    final ServerProcess process;
    final int port;

    private Replica(String name, ServerProcess process, int port) {
      this.name = name;
      this.process = process;
      this.port = port;
    }

    static Replica start(String name, String baseUrl) throws Exception {
      ServerProcess process = ServerProcess.start("replica-" + name, PetstoreJar.jar(),
          "--transport", "http", "--stateless", "--port", "0", "--base-url", baseUrl);
      try {
        Matcher listening = LISTENING.matcher(process.log().awaitLine(LISTENING, Duration.ofSeconds(30)));
        assertThat(listening.find()).isTrue();
        return new Replica(name, process, Integer.parseInt(listening.group(1)));
      } catch (Exception | Error e) {
        process.close();
        throw e;
      }
    }

    /** The JSON-RPC ids of the calls of {@code tool} this replica audited. */
    Set<String> auditedRequestIds(String tool) throws IOException {
      Set<String> ids = new HashSet<>();
      for (String line : process.log().lines()) {
        if (line.startsWith("audit {")) {
          JsonNode audit = JSON.readTree(line.substring("audit ".length()));
          if (tool.equals(audit.path("tool").asText())) {
            assertThat(ids.add(audit.path("requestId").asText()))
                .as("replica " + name + " ran request " + audit.path("requestId") + " once").isTrue();
          }
        }
      }
      return ids;
    }

    @Override
    public void close() {
      process.close();
    }
  }
}
