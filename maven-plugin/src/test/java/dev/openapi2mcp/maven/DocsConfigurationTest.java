package dev.openapi2mcp.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Comment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every {@code <configuration>} snippet in README.md and {@code docs/*.md} names only parameters the plugin has
 * (issue 12): each element under {@code <configuration>}, and each top-level element of a snippet that is a bare
 * configuration fragment, is a parameter of the plugin descriptor written from the Mojos' annotations; each element
 * of an {@code <api>} is a field of {@link Api}. Parameters shown commented out ({@code <!-- <readOnly>true</readOnly>
 * -->}) are checked as well: a reader uncomments them.
 */
class DocsConfigurationTest {
  private static final Path ROOT = Path.of("..");
  private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
  /** Top-level elements of a snippet that are not configuration: a pom's own elements. */
  private static final Set<String> POM_ELEMENTS = Set.of("project", "properties", "build", "plugins", "plugin",
      "dependencies", "dependency", "profiles", "profile", "pluginManagement");

  @Test
  void everyConfigurationSnippetNamesOnlyParametersThePluginHas() throws Exception {
    Set<String> parameters = descriptorParameters();
    Set<String> apiFields = apiFields();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Snippet snippet : snippets()) {
      Element root = parse(snippet.text());
      List<Element> configurations = new ArrayList<>();
      // A bare fragment (<apis>…</apis>) is configuration; a snippet with any pom element is a piece of a pom.
      if (elements(root).stream().noneMatch(top -> POM_ELEMENTS.contains(top.getTagName())
          || top.getTagName().equals("configuration"))) {
        configurations.add(root);
      }
      NodeList nested = root.getElementsByTagName("configuration");
      for (int i = 0; i < nested.getLength(); i++) {
        if (!configurations.contains(nested.item(i))) {
          configurations.add((Element) nested.item(i));
        }
      }
      for (Element configuration : configurations) {
        for (Element parameter : elementsAndCommentedOut(configuration)) {
          checked++;
          if (!parameters.contains(parameter.getTagName())) {
            problems.add(snippet.where() + ": <" + parameter.getTagName() + "> is no parameter of the plugin");
          }
          if (parameter.getTagName().equals("apis")) {
            for (Element api : elements(parameter)) {
              for (Element field : elementsAndCommentedOut(api)) {
                if (!apiFields.contains(field.getTagName())) {
                  problems.add(snippet.where() + ": <api><" + field.getTagName() + "> is no field of an api");
                }
              }
            }
          }
        }
      }
    }
    assertThat(checked).as("configuration parameters found in the pages").isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  record Snippet(String where, String text) {}

  private static List<Snippet> snippets() throws Exception {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<Snippet> snippets = new ArrayList<>();
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().equals("```xml")) {
          int start = i + 1;
          StringBuilder text = new StringBuilder();
          for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
            text.append(lines.get(i)).append('\n');
          }
          snippets.add(new Snippet(ROOT.relativize(page) + ":" + start, text.toString()));
        }
      }
    }
    return snippets;
  }

  private static Element parse(String fragment) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader("<snippet>" + fragment + "</snippet>"))).getDocumentElement();
  }

  private static List<Element> elements(Element parent) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        found.add(element);
      }
    }
    return found;
  }

  /** The child elements, plus those of a comment that is itself XML ({@code <!-- <readOnly>true</readOnly> -->}). */
  private static List<Element> elementsAndCommentedOut(Element parent) throws Exception {
    List<Element> found = elements(parent);
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Comment comment && comment.getData().strip().startsWith("<")) {
        found.addAll(elements(parse(comment.getData())));
      }
    }
    return found;
  }

  private static Set<String> descriptorParameters() throws Exception {
    NodeList names = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile())
        .getElementsByTagName("parameter");
    Set<String> parameters = new TreeSet<>();
    for (int i = 0; i < names.getLength(); i++) {
      for (Element child : elements((Element) names.item(i))) {
        if (child.getTagName().equals("name")) {
          parameters.add(child.getTextContent().strip());
        }
      }
    }
    assertThat(parameters).as("parameters in %s", DESCRIPTOR).contains("inputSpec", "apis");
    return parameters;
  }

  private static Set<String> apiFields() {
    Set<String> fields = new TreeSet<>();
    for (Class<?> type = Api.class; type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          fields.add(field.getName());
        }
      }
    }
    return fields;
  }
}
