package dev.openapi2mcp.generator.testing;

import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test specs from {@code src/test/resources/specs}, and shortcuts for generating from them. */
public final class Specs {
  public static final String PACKAGE = "com.example.gen";

  private Specs() {}

  /** The file of a test spec, e.g. {@code petstore.json}. */
  public static Path path(String name) {
    URL url = Specs.class.getClassLoader().getResource("specs/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test spec specs/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static GeneratorConfig config(String spec, Path out, String serverName) {
    return new GeneratorConfig(path(spec).toString(), out, PACKAGE, serverName);
  }

  public static GenerationResult generate(String spec, Path out, String serverName) throws GenerationException {
    return Generator.run(config(spec, out, serverName));
  }
}
