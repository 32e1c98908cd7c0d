package dev.openapi2mcp.generator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 3 ("Real-world specs", item 2): the size/depth budget of one tool schema. */
class SchemaBudgeterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  /** {'type':'object','properties':{'p':…}} nested {@code levels} deep, ending in a string. */
  private static String nested(int levels) {
    String schema = "{'type':'string'}";
    for (int i = 0; i < levels; i++) {
      schema = "{'type':'object','properties':{'p" + (levels - i) + "':" + schema + "}}";
    }
    return schema;
  }

  @Test
  void aSchemaWithinBudgetIsLeftAlone() {
    ObjectNode schema = json(nested(5));
    String before = schema.toString();

    assertThat(new SchemaBudgeter(new SchemaBudget(5, 1024)).apply(schema)).isEmpty();
    assertThat(schema.toString()).isEqualTo(before);
  }

  @Test
  void aSubtreeBelowTheDepthLimitIsCutWhereItReachesTheLimit() {
    ObjectNode schema = json(nested(5));

    List<SchemaBudgeter.Cut> cuts = new SchemaBudgeter(new SchemaBudget(3, 1024)).apply(schema);

    assertThat(cuts).containsExactly(new SchemaBudgeter.Cut("/properties/p1/properties/p2/properties/p3",
        "nested deeper than the depth budget of 3"));
    ObjectNode expected = MAPPER.createObjectNode().put("type", "object").put("description", "Cut by the schema "
        + "budget (deeper than 3 levels): any object value is accepted here.");
    assertThat(schema.at("/properties/p1/properties/p2/properties/p3")).isEqualTo(expected);
  }

  @Test
  void aCutKeepsTheOriginalDescriptionAndAnArrayKeepsItems() {
    ObjectNode schema = json("{'type':'object','properties':{'a':{'type':'object','properties':{'list':"
        + "{'type':'array','description':'The list.','items':{'type':'object','properties':{'x':{}}}}}}}}");

    new SchemaBudgeter(new SchemaBudget(2, 1024)).apply(schema);

    JsonNode list = schema.at("/properties/a/properties/list");
    assertThat(list.path("type").asText()).isEqualTo("array");
    assertThat(list.path("items").toString()).isEqualTo("{}");
    assertThat(list.path("description").asText()).startsWith("Cut by the schema budget").endsWith(" The list.");
  }

  @Test
  void defsEntriesCountFromTheRootAndUnusedOnesGo() {
    ObjectNode schema = json("{'type':'object','properties':{'a':{'type':'object','properties':{"
        + "'b':{'type':'object','properties':{'c':{'$ref':'#/$defs/Node'}}}}}},"
        + "'$defs':{'Node':{'type':'object','properties':{'next':{'$ref':'#/$defs/Node'}}}}}");

    List<SchemaBudgeter.Cut> cuts = new SchemaBudgeter(new SchemaBudget(2, 1024)).apply(schema);

    // b is at depth 2 and has a subschema: cut; with it goes the only reference to Node, and so Node.
    assertThat(cuts).extracting(SchemaBudgeter.Cut::pointer).containsExactly("/properties/a/properties/b");
    assertThat(schema.has("$defs")).isFalse();
  }

  @Test
  void overTheSizeLimitTheDeepestLevelIsCutFirst() {
    StringBuilder big = new StringBuilder("{'type':'object','properties':{");
    for (int i = 0; i < 40; i++) {
      big.append(i == 0 ? "" : ",").append("'f").append(i).append("':{'type':'string','enum':['aaaaaaaaaaaa']}");
    }
    big.append("}}");
    ObjectNode schema = json("{'type':'object','properties':{'small':{'type':'object','properties':"
        + "{'x':{'type':'integer'}}},'big':" + big + ",'huge':{'type':'object','properties':{'h':" + big + "}}}}");
    int before = bytes(schema);
    int limit = before - 1000; // cutting "big" would suffice too, but "huge/h" is one level deeper

    List<SchemaBudgeter.Cut> cuts = new SchemaBudgeter(new SchemaBudget(12, limit)).apply(schema);

    assertThat(cuts).singleElement().satisfies(cut -> {
      assertThat(cut.pointer()).isEqualTo("/properties/huge/properties/h");
      assertThat(cut.reason()).isEqualTo("the schema was " + before + " bytes, over the size budget of " + limit);
    });
    assertThat(bytes(schema)).isLessThanOrEqualTo(limit);
    assertThat(schema.at("/properties/big/properties/f1").isMissingNode()).isFalse();
    assertThat(schema.at("/properties/small/properties/x").isMissingNode()).isFalse();
  }

  @Test
  void withinALevelTheLargestSubtreesAreCutFirstUntilItFits() {
    StringBuilder many = new StringBuilder("{'type':'object','properties':{");
    for (int i = 0; i < 30; i++) {
      many.append(i == 0 ? "" : ",").append("'a").append(i).append("':{'type':'object','properties':{'v':"
          + "{'type':'string','enum':['" + "x".repeat(300 + i) + "']}}}");
    }
    ObjectNode schema = json(many.append("}}").toString());

    List<SchemaBudgeter.Cut> cuts = new SchemaBudgeter(new SchemaBudget(12, 4000)).apply(schema);

    assertThat(cuts.size()).isGreaterThan(1);
    assertThat(cuts.get(0).pointer()).isEqualTo("/properties/a29");
    assertThat(bytes(schema)).isLessThanOrEqualTo(4000);
  }

  @Test
  void theSameInputGivesTheSameCuts() {
    ObjectNode first = json(nested(9));
    ObjectNode second = json(nested(9));
    SchemaBudgeter budgeter = new SchemaBudgeter(new SchemaBudget(4, 1024));

    assertThat(budgeter.apply(first)).isEqualTo(budgeter.apply(second));
    assertThat(first).isEqualTo(second);
  }

  private static int bytes(JsonNode schema) {
    return Schemas.toJson(schema).getBytes(StandardCharsets.UTF_8).length;
  }
}
