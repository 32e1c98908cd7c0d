package dev.openapi2mcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.emit.HostileSpec.Field;
import dev.openapi2mcp.generator.testing.CompiledServer;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11: spec text must never become Java code. javac turns {@code \u005cuXXXX} escapes into characters before
 * it reads comments and literals, so a spec that writes {@code *}{@code /} or a quote as an escape could close a
 * comment or a string literal in generated code and add a static initializer that runs when the class is loaded.
 * Each case puts such payloads into one place of a spec, generates, compiles with {@code -Xlint:all -Werror}, loads
 * and initializes every class and builds the server definition while watching the console, and checks that the text
 * comes back as data.
 */
class SpecTextInjectionTest {
  /** Closes a Javadoc comment and opens a static initializer: the reproduction from the issue. */
  static final String COMMENT_BREAKOUT =
      "/x\\u002a\\u002f static \\u007b System.out.println(\\u0022PWNED\\u0022); \\u007d /\\u002a\\u002a";

  /** Closes a string literal and runs code while the definition is built. */
  static final String LITERAL_BREAKOUT = "\\u0022 + new Object() \\u007b\\u007b System.err.println(\\u0022PWNED"
      + "\\u0022); \\u007d\\u007d + \\u0022";

  /** Line breaks, quotes and comment ends written directly, as escapes, with more u's and behind backslashes. */
  static final String VARIANTS = " */ /* // \\u000a \\u000d x\\u0022 \\\\u0022 \\\\\\u0022 \\uuu0022 \\u005c\\u0022 "
      + "\\u002a/ {@code x} @param <b>&amp; \" \\ \r\n end";

  /**
   * Escapes after lone high surrogates: javac 17 misreads the doubled backslash after the escape of such a surrogate
   * and decodes the escape after it, which changes the text and, for a line break, stops the compilation. Built from
   * chars, since this source is read by javac too.
   */
  static final String SURROGATE_BREAKOUT = (char) 0xD800 + LITERAL_BREAKOUT + (char) 0xDBFF + "\\u000a";

  static final String PAYLOAD = COMMENT_BREAKOUT + " " + LITERAL_BREAKOUT + " " + SURROGATE_BREAKOUT + VARIANTS;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  @Test
  void theReproductionFromTheIssueRunsNoCodeAndKeepsItsPath() throws Exception {
    Loaded loaded = generateAndLoad(new HostileSpec().with(Field.PATH_KEY, COMMENT_BREAKOUT)
        .write(temp.resolve("spec.json")));

    assertThat(loaded.console()).doesNotContain("PWNED");
    assertThat(loaded.definition().tools().get(0).http().pathTemplate()).isEqualTo("/items/{id}" + COMMENT_BREAKOUT);
  }

  @Test
  void escapesAfterLoneSurrogatesStayText() throws Exception {
    Loaded loaded = generateAndLoad(new HostileSpec().with(Field.DESCRIPTION, SURROGATE_BREAKOUT)
        .write(temp.resolve("spec.json")));

    assertThat(loaded.console()).doesNotContain("PWNED");
    assertThat(loaded.definition().tools().get(0).description()).contains(SURROGATE_BREAKOUT);
  }

  /** Swagger 2.0 is converted to OpenAPI 3 before anything else; its text takes the same path, in all fields. */
  @Test
  void aSwagger2DescriptionWithEscapesEverywhereRunsNoCode() throws Exception {
    String path = PAYLOAD.replace("{", "").replace("}", "");
    String spec = """
        {"swagger": "2.0", "info": {"title": %1$s, "version": %1$s, "description": %1$s},
         "host": "api.example.com", "basePath": "/v1", "schemes": ["https"],
         "securityDefinitions": {"key": {"type": "apiKey", "in": "header", "name": %1$s}},
         "paths": {%2$s: {"post": {"operationId": %1$s, "summary": %1$s, "description": %1$s,
           "security": [{"key": []}],
           "parameters": [
             {"name": %1$s, "in": "query", "type": "string", "description": %1$s, "enum": [%1$s]},
             {"name": "body", "in": "body", "schema": {"type": "object",
               "properties": {%1$s: {"type": "string", "description": %1$s}}}}],
           "responses": {"200": {"description": %1$s}}}}}}
        """.formatted(HostileSpec.JSON.writeValueAsString(PAYLOAD),
            HostileSpec.JSON.writeValueAsString("/items" + path));
    Path file = temp.resolve("swagger.json");
    Files.writeString(file, spec);

    Loaded loaded = generateAndLoad(file);

    assertThat(loaded.console()).doesNotContain("PWNED");
    assertThat(loaded.definition().title()).isEqualTo(PAYLOAD);
    assertThat(loaded.definition().tools().get(0).http().pathTemplate()).isEqualTo("/items" + path);
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  void escapesInSpecTextStayTextInEveryField(Field field) throws Exception {
    String text = switch (field) {
      case SERVER_URL, OAUTH_TOKEN_URL -> "https://api.example.com" + PAYLOAD;
      // Braces in a path declare path parameters; everything else stays.
      case PATH_KEY, PATH_PARAMETER_NAME -> PAYLOAD.replace("{", "").replace("}", "");
      default -> PAYLOAD;
    };
    Path spec = new HostileSpec().with(field, text).write(temp.resolve("spec.json"));
    if (field.refusal != null) {
      assertThatThrownBy(() -> generateAndLoad(spec)).isInstanceOf(GenerationException.class)
          .hasMessageContaining(field.refusal);
      return;
    }
    Loaded loaded = generateAndLoad(spec);

    assertThat(loaded.console()).as("console while loading the classes of %s", field).doesNotContain("PWNED");
    if (field.reachesDefinition) {
      assertThat(texts(loaded.definition())).as("the text of %s read back from the compiled server", field)
          .map(SpecTextInjectionTest::lines).anySatisfy(value -> assertThat(value).contains(lines(text)));
    }
  }

  /** Generates from the spec, compiles strictly, and loads everything. */
  private Loaded generateAndLoad(Path spec) throws Exception {
    Path sources = temp.resolve("src");
    Generator.run(new GeneratorConfig(spec.toString(), sources, "com.example.hostile", "hostile"));
    return loadEverything(CompiledServer.compile(sources), "com.example.hostile.HostileServer");
  }

  /** Descriptions are composed line by line: line breaks become LF, and lines lose their trailing blanks. */
  private static String lines(String text) {
    return text.replaceAll("\\r\\n?", "\n").replaceAll("[ \t]+\n", "\n");
  }

  /** The classes of a compilation, each loaded and initialized, and the server's definition. */
  record Loaded(ServerDefinition definition, String console) {}

  /**
   * Loads and initializes every compiled class in a fresh class loader and calls the server class's
   * {@code definition()}, with standard output and error captured.
   */
  static Loaded loadEverything(Compilation compilation, String serverClass) throws Exception {
    ClassLoader loader = CompiledServer.loader(compilation);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          String path = file.toUri().getPath();
          String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
              path.length() - ".class".length()).replace('/', '.');
          Class.forName(name, true, loader);
        }
      }
      ServerDefinition definition =
          (ServerDefinition) Class.forName(serverClass, true, loader).getMethod("definition").invoke(null);
      definition.tools().forEach(tool -> tool.toString());
      return new Loaded(definition, console.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** Every text of a definition: names, titles, URLs, bindings, and every name and text inside its JSON. */
  static List<String> texts(ServerDefinition definition) {
    List<String> texts = new ArrayList<>();
    texts.add(definition.name());
    texts.add(definition.version());
    texts.add(definition.title());
    texts.add(definition.baseUrl());
    for (SecurityScheme scheme : definition.securitySchemes()) {
      texts.add(scheme.name());
      texts.add(scheme.parameterName());
      if (scheme.clientCredentials() != null) {
        texts.add(scheme.clientCredentials().tokenUrl());
        texts.addAll(scheme.clientCredentials().scopes());
      }
    }
    for (ToolDefinition tool : definition.tools()) {
      texts.add(tool.name());
      texts.add(tool.title());
      texts.add(tool.description());
      texts.add(tool.http().pathTemplate());
      for (ParameterBinding parameter : tool.http().parameters()) {
        texts.add(parameter.name());
        texts.add(parameter.argument());
      }
      tool.http().security().forEach(texts::addAll);
      if (tool.http().body() != null) {
        tool.http().body().properties().forEach((argument, property) -> {
          texts.add(argument);
          texts.add(property);
        });
      }
      jsonTexts(tool.inputSchema(), texts);
      jsonTexts(tool.outputSchema(), texts);
      for (Map<String, String> arguments : List.of(tool.fixedArguments(), tool.defaultArguments())) {
        arguments.forEach((name, json) -> {
          texts.add(name);
          jsonTexts(json, texts);
        });
      }
    }
    texts.removeIf(text -> text == null);
    return texts;
  }

  private static void jsonTexts(String json, List<String> texts) {
    if (json == null) {
      return;
    }
    try {
      collect(JSON.readTree(json), texts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isTextual()) {
      texts.add(node.textValue());
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      texts.add(field.getKey());
      collect(field.getValue(), texts);
    }
    if (node.isArray()) {
      node.forEach(item -> collect(item, texts));
    }
  }
}
