package dev.openapi2mcp.generator.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescriptionTemplateTest {
  private static final Set<String> NAMES = Set.of("a", "b");

  private static String render(String template, Map<String, String> values) throws TemplateException {
    return DescriptionTemplate.parse(template, NAMES).render(values);
  }

  @Test
  void insertsValuesVerbatimAndNeverParsesThemAgain() throws TemplateException {
    assertThat(render("<{{a}}|{{ b }}>", Map.of("a", "{{b}}", "b", "x"))).isEqualTo("<{{b}}|x>");
  }

  @Test
  void aMissingValueIsEmpty() throws TemplateException {
    assertThat(render("[{{a}}]", Map.of())).isEqualTo("[]");
  }

  @Test
  void sectionsRenderOnlyForNonEmptyValues() throws TemplateException {
    String template = "{{#a}}A={{a}}{{/a}}{{^a}}no a{{/a}}";
    assertThat(render(template, Map.of("a", "1"))).isEqualTo("A=1");
    assertThat(render(template, Map.of("a", ""))).isEqualTo("no a");
  }

  @Test
  void sectionsNest() throws TemplateException {
    String template = "{{#a}}a{{#b}}+b{{/b}}{{/a}}";
    assertThat(render(template, Map.of("a", "1", "b", "1"))).isEqualTo("a+b");
    assertThat(render(template, Map.of("a", "1"))).isEqualTo("a");
    assertThat(render(template, Map.of("b", "1"))).isEmpty();
  }

  @Test
  void commentsRenderNothing() throws TemplateException {
    assertThat(render("x{{! a note, even\nover lines }}y", Map.of())).isEqualTo("xy");
  }

  @Test
  void unknownPlaceholdersFailWithTheLine() {
    assertThatThrownBy(() -> render("ok\n{{summary}}", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'summary'");
  }

  @Test
  void mismatchedAndUnclosedSectionsFail() {
    assertThatThrownBy(() -> render("{{#a}}x{{/b}}", Map.of()))
        .isInstanceOf(TemplateException.class).hasMessageContaining("closes section 'a'");
    assertThatThrownBy(() -> render("{{/a}}", Map.of()))
        .isInstanceOf(TemplateException.class).hasMessageContaining("no open section");
    assertThatThrownBy(() -> render("{{#a}}x", Map.of()))
        .isInstanceOf(TemplateException.class).hasMessageContaining("'a' is never closed");
    assertThatThrownBy(() -> render("x\n\n{{a", Map.of()))
        .isInstanceOf(TemplateException.class).hasMessageContaining("line 3").hasMessageContaining("never closed");
  }
}
