package dev.openapi2mcp.generator.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Compiles generated sources the strict way ({@code -Xlint:all -Werror}) against the runtime, then loads them
 * in a class loader whose parent knows the runtime, so tests see real {@link ServerDefinition}s.
 */
public final class CompiledServer {
  private CompiledServer() {}

  /** Compiles every {@code .java} file below {@code sourceRoot}; fails the test on any error or warning. */
  public static Compilation compile(Path sourceRoot) {
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sourceRoot)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Compilation compilation = Compiler.javac()
        .withOptions("-Xlint:all", "-Werror")
        .withClasspath(List.of(codeSource(ServerDefinition.class), codeSource(ObjectMapper.class),
            codeSource(JsonFactory.class)))
        .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  /** Loads the compiled classes and returns {@code serverClass.definition()}. */
  public static ServerDefinition definition(Compilation compilation, String serverClass) {
    try {
      Class<?> type = loader(compilation).loadClass(serverClass);
      return (ServerDefinition) type.getMethod("definition").invoke(null);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new AssertionError("cannot call " + serverClass + ".definition()", cause);
    }
  }

  /** A class loader over the compiled classes. */
  public static ClassLoader loader(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String binaryName = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
          path.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(binaryName, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ClassLoader(CompiledServer.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  private static File codeSource(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
