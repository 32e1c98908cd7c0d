package dev.openapi2mcp.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Issue 4, item 8: {@code docs/maven-plugin.md} documents every parameter of every goal, with its property and
 * default exactly as the plugin descriptor (written by maven-plugin-tools from the Mojos' annotations) has them,
 * and no parameter that does not exist; its table of {@code <api>} fields matches the {@link Api} class.
 */
class PluginDocumentationTest {
  private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
  private static final Path DOCS = Path.of("..", "docs", "maven-plugin.md");
  private static final String PARAMETER_HEADER = "| parameter | property | default | goals | meaning |";
  private static final String API_HEADER = "| field | meaning |";

  /** A parameter as documented, or as the descriptor declares it: property and default as the table shows them. */
  record Documented(String property, String defaultValue) {}

  @Test
  void everyParameterOfEveryGoalIsDocumentedWithItsPropertyAndDefaultAndNothingElse() throws Exception {
    // One line per goal and parameter, so that a failure lists just the missing and the extra ones.
    assertThat(lines(documentedParameters())).containsExactlyInAnyOrderElementsOf(lines(descriptorParameters()));
  }

  private static List<String> lines(Map<String, Map<String, Documented>> goals) {
    List<String> lines = new ArrayList<>();
    goals.forEach((goal, parameters) -> parameters.forEach((name, documented) -> lines.add(
        goal + " " + name + " property=" + documented.property() + " default=" + documented.defaultValue())));
    return lines;
  }

  @Test
  void theApiTableListsExactlyTheFieldsOfAnApi() throws Exception {
    TreeSet<String> fields = new TreeSet<>();
    for (Class<?> type = Api.class; type != Object.class; type = type.getSuperclass()) {
      Arrays.stream(type.getDeclaredFields())
          .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
          .map(Field::getName)
          .forEach(fields::add);
    }
    TreeSet<String> documented = new TreeSet<>();
    rows(API_HEADER).forEach(cells -> documented.add(unquote(cells.get(0))));

    assertThat(documented).isEqualTo(fields);
  }

  @Test
  void theReadmeLinksTheDocumentation() throws Exception {
    assertThat(Files.readString(Path.of("..", "README.md"))).contains("(docs/maven-plugin.md)");
  }

  /** goal → parameter → property and default, from the descriptor; read-only parameters (project) left out. */
  private static Map<String, Map<String, Documented>> descriptorParameters() throws Exception {
    Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
    Map<String, Map<String, Documented>> goals = new TreeMap<>();
    for (Element mojo : children(descriptor.getDocumentElement(), "mojos", "mojo")) {
      String goal = text(mojo, "goal");
      Map<String, Boolean> editable = new TreeMap<>();
      Map<String, Boolean> required = new TreeMap<>();
      for (Element parameter : children(mojo, "parameters", "parameter")) {
        editable.put(text(parameter, "name"), Boolean.parseBoolean(text(parameter, "editable")));
        required.put(text(parameter, "name"), Boolean.parseBoolean(text(parameter, "required")));
      }
      Map<String, Documented> parameters = new TreeMap<>();
      for (Element value : children(mojo, "configuration", null)) {
        String name = value.getTagName();
        if (!editable.get(name)) {
          continue;
        }
        String expression = value.getTextContent().strip();
        String property = expression.startsWith("${") ? expression.substring(2, expression.length() - 1) : "";
        String defaultValue = value.hasAttribute("default-value") ? value.getAttribute("default-value")
            : required.get(name) ? "required" : "none";
        parameters.put(name, new Documented(property, defaultValue));
      }
      // Parameters without property or default have no <configuration> entry.
      editable.forEach((name, isEditable) -> {
        if (isEditable && !parameters.containsKey(name)) {
          parameters.put(name, new Documented("", required.get(name) ? "required" : "none"));
        }
      });
      goals.put(goal, parameters);
    }
    assertThat(goals).containsOnlyKeys("generate", "lint");
    return goals;
  }

  /** goal → parameter → property and default, from the docs' parameter tables. */
  private static Map<String, Map<String, Documented>> documentedParameters() throws Exception {
    Map<String, Map<String, Documented>> goals = new TreeMap<>();
    for (List<String> cells : rows(PARAMETER_HEADER)) {
      String property = cells.get(1).equals("—") ? "" : unquote(cells.get(1));
      String defaultValue = cells.get(2).startsWith("`") ? unquote(cells.get(2)) : cells.get(2);
      List<String> forGoals = cells.get(3).equals("all") ? List.of("generate", "lint")
          : Arrays.stream(cells.get(3).split(",")).map(String::strip).toList();
      for (String goal : forGoals) {
        Documented previous = goals.computeIfAbsent(goal, g -> new TreeMap<>())
            .put(unquote(cells.get(0)), new Documented(property, defaultValue));
        assertThat(previous).as("%s of %s documented once", cells.get(0), goal).isNull();
      }
    }
    return goals;
  }

  /** The cells of every row of every table under {@code header}, in order. */
  private static List<List<String>> rows(String header) throws Exception {
    List<String> lines = Files.readAllLines(DOCS);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals(header)) {
        continue;
      }
      int columns = header.split("\\|", -1).length - 2;
      for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
        List<String> cells = cells(lines.get(j));
        assertThat(cells).as("row %d of docs/maven-plugin.md", j + 1).hasSize(columns);
        rows.add(cells);
      }
    }
    assertThat(rows).as("tables headed %s", header).isNotEmpty();
    return rows;
  }

  /** The cells of a Markdown table row; {@code \|} inside a cell is not a separator. */
  private static List<String> cells(String row) {
    String[] parts = row.substring(1, row.length() - 1).split("(?<!\\\\)\\|", -1);
    return Arrays.stream(parts).map(part -> part.strip().replace("\\|", "|")).toList();
  }

  /** {@code `name`} → {@code name}; a cell that is not one backticked value is returned as is, to fail the match. */
  private static String unquote(String cell) {
    return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`") && cell.indexOf('`', 1) == cell.length() - 1
        ? cell.substring(1, cell.length() - 1) : cell;
  }

  private static List<Element> children(Element parent, String container, String name) {
    List<Element> found = new ArrayList<>();
    NodeList containers = parent.getElementsByTagName(container);
    for (int c = 0; c < containers.getLength(); c++) {
      if (containers.item(c).getParentNode() != parent) {
        continue;
      }
      NodeList nodes = containers.item(c).getChildNodes();
      for (int i = 0; i < nodes.getLength(); i++) {
        Node node = nodes.item(i);
        if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
          found.add(element);
        }
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
        return element.getTextContent().strip();
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }
}
