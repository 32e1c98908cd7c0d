package bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command to completion under {@code /usr/bin/time}: wall time from the harness's clock around the whole
 * process (JVM or Node start included), peak RSS from time's {@code %M} (the child's {@code getrusage} maximum RSS).
 */
final class Timed {
  /** One finished run; {@code output} is stdout and stderr together. */
  record Run(double seconds, double peakMib, int exitCode, String output) {}

  private static final String TIME = "/usr/bin/time";

  private Timed() {}

  static Run run(List<String> command, File directory) throws IOException, InterruptedException {
    Path rusage = Files.createTempFile("bench-time", ".txt");
    Path output = Files.createTempFile("bench-out", ".txt");
    try {
      List<String> wrapped = new ArrayList<>(List.of(TIME, "-f", "%M", "-o", rusage.toString()));
      wrapped.addAll(command);
      ProcessBuilder builder = new ProcessBuilder(wrapped).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      if (directory != null) {
        builder.directory(directory);
      }
      long start = System.nanoTime();
      Process process = builder.start();
      int exit = process.waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      // time writes "Command exited with non-zero status N" before the figure when the command failed.
      List<String> lines = Files.readAllLines(rusage);
      long kib = Long.parseLong(lines.get(lines.size() - 1).trim());
      return new Run(seconds, kib / 1024.0, exit, Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(rusage);
      Files.deleteIfExists(output);
    }
  }

  static void requireTime() {
    if (!Files.isExecutable(Path.of(TIME))) {
      throw new IllegalStateException(TIME + " is missing: install Debian's package 'time'");
    }
  }
}
