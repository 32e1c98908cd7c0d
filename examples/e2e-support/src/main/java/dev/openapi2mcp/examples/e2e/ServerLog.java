package dev.openapi2mcp.examples.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The stderr lines of the server process under test, collected as they arrive (thread-safe). */
public final class ServerLog {

  /** The demo API's line per request it received, e.g. {@code demo-api: GET /v2/pet/1 -> 200}
   * (both examples' demo APIs write this form). */
  private static final Pattern DEMO_REQUEST = Pattern.compile("demo-api: [A-Z]+ /\\S* -> \\d{3}");

  private final List<String> lines = new ArrayList<>();

  public synchronized void add(String line) {
    lines.add(line);
    notifyAll();
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The requests the demo backend has logged so far, in order. */
  public synchronized List<String> demoRequests() {
    return lines.stream().filter(line -> DEMO_REQUEST.matcher(line).matches()).toList();
  }

  /** Waits until the demo backend has logged more than {@code count} requests; returns those after the first count. */
  public synchronized List<String> awaitDemoRequestsAfter(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (demoRequests().size() <= count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the demo API logged no request after the first " + count + "; stderr: " + lines);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    List<String> all = demoRequests();
    return new ArrayList<>(all.subList(count, all.size()));
  }

  /** Waits for the first line matching {@code pattern}; returns it. */
  public synchronized String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : lines) {
        if (pattern.matcher(line).find()) {
          return line;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no stderr line matching " + pattern + " within " + timeout + "; stderr: " + lines);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
