package dev.openapi2mcp.generator.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's own compiler, in-process, as strictly as a user's build could:
 * {@code --release 17 -Xlint:all -Werror}. Annotation processing is off ({@code -proc:none}): the generated code
 * uses none, and processors that happen to be on the test class path are not what is under test.
 */
final class SourceCompiler {
  private final String classPath;

  SourceCompiler(String classPath) {
    this.classPath = classPath;
  }

  /**
   * Compiles every {@code .java} file below {@code sourceRoot} into {@code classes}.
   *
   * @return null when it compiled without errors or warnings, otherwise the number of diagnostics and the first
   *     few, each with file, line and message
   */
  String compile(Path sourceRoot, Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the corpus test on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      Files.createDirectories(classes);
      List<Path> sources;
      try (Stream<Path> walk = Files.walk(sourceRoot)) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
          "-classpath", classPath, "-d", classes.toString());
      boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
      List<Diagnostic<? extends JavaFileObject>> reported = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
          .toList();
      if (ok && reported.isEmpty()) {
        return null;
      }
      return reported.size() + " diagnostic(s): " + reported.stream().limit(3).map(SourceCompiler::describe)
          .collect(Collectors.joining(" | "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
        + d.getLineNumber() + ": ";
    return d.getKind().name().toLowerCase(Locale.ROOT) + " " + where + d.getMessage(Locale.ROOT)
        .lines().findFirst().orElse("");
  }
}
