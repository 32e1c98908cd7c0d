import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark of a generated server over stdio, with only the JDK: run as a single-file program,
 * {@code java bench/StdioBench.java JAR [runs] [calls]}.
 *
 * <p>Prints (1) the cold start: spawn of {@code java -jar JAR} to the first {@code initialize} answer, median of
 * {@code runs} (default 5) after one unmeasured run that warms the file cache, with min and max; (2) the
 * {@code tools/call} round trip of {@code getPetById} against the embedded demo API ({@code --demo}): median and p99 of
 * {@code calls} sequential calls (default 1000) after 200 unmeasured ones.
 */
public final class StdioBench {
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 1000;

    coldStart(jar); // warms the file cache; not counted
    List<Double> starts = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      starts.add(coldStart(jar));
    }
    Collections.sort(starts);
    System.out.printf("cold start to initialize answer (stdio): median %.3f s (min %.3f, max %.3f, %d runs)%n",
        starts.get(starts.size() / 2), starts.get(0), starts.get(starts.size() - 1), runs);

    List<Double> latencies = callLatencies(jar, 200, calls);
    Collections.sort(latencies);
    System.out.printf("tools/call getPetById round trip (stdio, demo API): median %.3f ms, p99 %.3f ms (%d calls)%n",
        latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1), calls);
  }

  /** Seconds from spawn to the first line the server writes in answer to {@code initialize}. */
  private static double coldStart(String jar) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder("java", "-jar", jar)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (OutputStream in = process.getOutputStream();
        BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      send(in, INITIALIZE);
      String answer = out.readLine();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (answer == null || !answer.contains("\"protocolVersion\"")) {
        throw new IllegalStateException("no initialize answer: " + answer);
      }
      return seconds;
    } finally {
      process.waitFor();
    }
  }

  private static List<Double> callLatencies(String jar, int warmup, int calls) throws Exception {
    Process process = new ProcessBuilder("java", "-jar", jar, "--demo")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<Double> millis = new ArrayList<>(calls);
    try (OutputStream in = process.getOutputStream();
        BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      send(in, INITIALIZE);
      out.readLine();
      send(in, INITIALIZED);
      for (int i = 1; i <= warmup + calls; i++) {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"getPetById\",\"arguments\":{\"petId\":" + (1 + i % 5) + "}}}";
        long start = System.nanoTime();
        send(in, call);
        String answer = out.readLine();
        long elapsed = System.nanoTime() - start;
        if (answer == null || answer.contains("\"isError\":true") || !answer.contains("\"id\":" + i + ",")
            && !answer.contains("\"id\":" + i + "}")) {
          throw new IllegalStateException("unexpected answer to call " + i + ": " + answer);
        }
        if (i > warmup) {
          millis.add(elapsed / 1e6);
        }
      }
    } finally {
      process.waitFor();
    }
    return millis;
  }

  private static void send(OutputStream in, String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }
}
