package dev.openapi2mcp.generator.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The template engine; list sections and item-field checks are issue 4, item 4. */
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

  private static final DescriptionTemplate.Names LISTS = DescriptionTemplate.Names.of(Set.of("a"))
      .withList("errors", DescriptionTemplate.Names.of(Set.of("status", "description")))
      .withList("groups", DescriptionTemplate.Names.of(Set.of("title"))
          .withList("members", DescriptionTemplate.Names.of(Set.of("name"))));

  private static String renderLists(String template, Map<String, ?> values) throws TemplateException {
    return DescriptionTemplate.parse(template, LISTS).render(values);
  }

  private static Map<String, String> error(String status, String description) {
    return Map.of("status", status, "description", description);
  }

  @Test
  void aListSectionRendersOncePerItemWithTheItemsFieldsInScope() throws TemplateException {
    String template = "{{#errors}}[{{status}}: {{description}}]{{/errors}}";
    assertThat(renderLists(template, Map.of("errors", List.of(error("400", "bad id"), error("404", "no pet")))))
        .isEqualTo("[400: bad id][404: no pet]");
    assertThat(renderLists(template, Map.of("errors", List.of()))).isEmpty();
    assertThat(renderLists(template, Map.of())).isEmpty();
  }

  @Test
  void anInvertedListSectionRendersOnlyForAnEmptyList() throws TemplateException {
    String template = "{{^errors}}no errors{{/errors}}";
    assertThat(renderLists(template, Map.of("errors", List.of()))).isEqualTo("no errors");
    assertThat(renderLists(template, Map.of("errors", List.of(error("400", "x"))))).isEmpty();
  }

  @Test
  void insideAnItemOuterNamesStayVisibleAndListsNest() throws TemplateException {
    String template = "{{#groups}}{{title}}:{{#members}} {{name}}{{#a}}/{{a}}{{/a}}{{/members}};{{/groups}}";
    Map<String, Object> values = Map.of("a", "x", "groups", List.of(
        Map.of("title", "g1", "members", List.of(Map.of("name", "m1"), Map.of("name", "m2"))),
        Map.of("title", "g2", "members", List.of())));
    assertThat(renderLists(template, values)).isEqualTo("g1: m1/x m2/x;g2:;");
  }

  @Test
  void anItemFieldMissingFromItsItemIsEmptyRatherThanAnOuterValue() throws TemplateException {
    DescriptionTemplate.Names names = DescriptionTemplate.Names.of(Set.of("status"))
        .withList("errors", DescriptionTemplate.Names.of(Set.of("status")));
    String rendered = DescriptionTemplate.parse("{{#errors}}<{{status}}>{{/errors}}", names)
        .render(Map.of("status", "outer", "errors", List.of(Map.of())));
    assertThat(rendered).isEqualTo("<>");
  }

  @Test
  void itemFieldsAreKnownOnlyInsideTheirSectionAndChecked() {
    assertThatThrownBy(() -> renderLists("{{#errors}}ok{{/errors}}\n{{status}}", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("line 2: unknown placeholder 'status'; known are [a, errors, groups]");
    assertThatThrownBy(() -> renderLists("x\n{{#errors}}\n{{staus}}\n{{/errors}}", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("line 3: unknown placeholder 'staus'; known here are [a, description, errors, groups, status]");
  }

  @Test
  void aListUsedAsAValueFailsWithTheLine() {
    assertThatThrownBy(() -> renderLists("a\nb {{errors}}", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("line 2: 'errors' is a list: go through its items with {{#errors}}…{{/errors}}");
  }

  @Test
  void linesHoldingOnlySectionTagsOrCommentsLeaveNothingBehind() throws TemplateException {
    String template = "head\n{{! note }}\n  {{#errors}}  \n- {{status}}\n{{/errors}}\r\ntail {{#a}}x{{/a}}\n";
    assertThat(renderLists(template, Map.of("a", "1", "errors", List.of(error("400", ""), error("404", "")))))
        .isEqualTo("head\n- 400\n- 404\ntail x\n");
  }

  @Test
  void aListNameGivenSomethingElseIsAProgrammingError() throws TemplateException {
    DescriptionTemplate template = DescriptionTemplate.parse("{{#errors}}x{{/errors}}", LISTS);
    assertThatThrownBy(() -> template.render(Map.of("errors", "oops")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'errors' must be a list");
  }
}
