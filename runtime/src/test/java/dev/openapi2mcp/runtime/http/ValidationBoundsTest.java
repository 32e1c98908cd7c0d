package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: hostile arguments (and hostile API responses) cannot make the schema check run for exponential time or
 * build exponential error text. The attack is a recursive {@code $defs} schema whose {@code anyOf} has two branches
 * that each descend through a {@code $ref} to the same definition, given a value nested N levels deep with a leaf
 * that fails both: checking every branch in full doubles the work at each level, and nesting each branch's text in
 * its parent's message doubled the text (178 million characters at 18 levels, an out-of-memory error at 20).
 */
class ValidationBoundsTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  /** Both branches accept an object whose {@code left} is again a Node, so both must descend to the leaf. */
  private static final String TREE_SCHEMA = """
      {"type": "object",
       "properties": {"tree": {"$ref": "#/$defs/Node"}},
       "$defs": {"Node": {"anyOf": [
         {"type": "object", "properties": {"left": {"$ref": "#/$defs/Node"}}},
         {"type": "object", "properties": {"left": {"$ref": "#/$defs/Node"}}, "required": ["left"]}]}}}
      """;

  /** At most this many characters of problems come back, whatever the input. */
  private static final int MAX_TEXT =
      (SchemaProblems.MAX_PROBLEMS + 1) * (SchemaProblems.MAX_MESSAGE_CHARS + 1);

  private final ArgumentValidator validator = new ArgumentValidator();
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ToolDefinition tool(String outputSchema) {
    ToolDefinition.Builder builder = ToolDefinition.builder("walkTree")
        .inputSchema(TREE_SCHEMA)
        .http("POST", "/tree")
        .parameter(ParameterBinding.query("tree", "tree", false));
    if (outputSchema != null) {
      builder.outputSchema(outputSchema);
    }
    return builder.build();
  }

  /** {@code {"tree": {"left": {"left": … leaf …}}}} with {@code levels} nested objects under "tree". */
  private static String nested(int levels, String leaf) {
    return "{\"tree\":" + "{\"left\":".repeat(levels) + leaf + "}".repeat(levels) + "}";
  }

  private static int length(List<String> problems) {
    return problems.stream().mapToInt(String::length).sum();
  }

  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {18, 24, 200})
  void aDeepArgumentThatFailsEveryBranchIsRefusedQuicklyWithShortText(int levels) {
    ObjectNode arguments = Harness.args(nested(levels, "\"leaf\""));

    List<String> problems = assertTimeoutPreemptively(LIMIT, () -> validator.validate(tool(null), arguments));

    assertThat(problems).isNotEmpty();
    assertThat(length(problems)).isLessThanOrEqualTo(MAX_TEXT);
  }

  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {18, 24, 200})
  void theSameResponseBodyIsCheckedQuicklyAgainstAnOutputSchema(int levels) {
    ObjectNode body = Harness.args(nested(levels, "\"leaf\""));

    List<String> problems = assertTimeoutPreemptively(LIMIT, () -> validator.checkOutput(tool(TREE_SCHEMA), body));

    assertThat(problems).isNotEmpty();
    assertThat(length(problems)).isLessThanOrEqualTo(MAX_TEXT);
  }

  @Test
  void aDeepValidArgumentIsStillAccepted() {
    // The first branch matches at every level: a yes/no check of it is linear in the depth.
    assertThat(validator.validate(tool(null), Harness.args(nested(24, "{}")))).isEmpty();
  }

  @Test
  void workBeyondTheBudgetRefusesTheArgumentsAndSendsNothing() {
    ToolResult result = assertTimeoutPreemptively(LIMIT,
        () -> harness.call(tool(null), nested(24, "\"leaf\"")));

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("too complex to check").hasSizeLessThan(MAX_TEXT + 200);
    assertThat(harness.server.getRequestCount()).isZero();
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("invalid_arguments");
  }

  @Test
  void argumentsNestedBeyondTheLimitAreRefusedNotOverflowingTheStack() {
    ObjectNode arguments = Harness.args(nested(400, "{}"));

    List<String> problems = assertTimeoutPreemptively(LIMIT, () -> validator.validate(tool(null), arguments));

    assertThat(problems).singleElement().asString().contains("nested too deeply to check");
  }

  @Test
  void aResponseTooComplexToCheckIsReturnedAsTextWithoutStructuredContent() {
    harness.enqueueJson(200, nested(24, "\"leaf\""));

    ToolResult result = assertTimeoutPreemptively(LIMIT,
        () -> harness.call(tool(TREE_SCHEMA), nested(1, "{}")));

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent()).isNull();
    assertThat(Harness.text(result)).startsWith("{\"tree\":{\"left\":");
  }

  @Test
  void aFailedAlternativeNamesEachOptionsFirstProblemWithoutNestingTheirTexts() {
    List<String> problems = validator.validate(tool(null), Harness.args(nested(3, "\"leaf\"")));

    assertThat(problems).singleElement().asString()
        .startsWith("tree: matches none of the 2 allowed alternatives (option 1: tree.left: matches none of the 2 "
            + "allowed alternatives; option 2: tree.left: matches none of the 2 allowed alternatives)");
  }

  @Test
  void manyProblemsAreCappedAndLongNamesCut() {
    String schema = """
        {"type": "object", "properties": {"a": {}}, "additionalProperties": false}""";
    StringBuilder arguments = new StringBuilder("{");
    for (int i = 0; i < 500; i++) {
      arguments.append(i == 0 ? "" : ",").append('"').append("x".repeat(5_000)).append(i).append("\":1");
    }
    ToolDefinition tool = ToolDefinition.builder("open").inputSchema(schema).http("GET", "/").build();

    List<String> problems = validator.validate(tool, Harness.args(arguments.append('}').toString()));

    assertThat(problems).hasSize(SchemaProblems.MAX_PROBLEMS + 1);
    assertThat(problems).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(
        SchemaProblems.MAX_MESSAGE_CHARS + 1));
    assertThat(problems.get(SchemaProblems.MAX_PROBLEMS)).contains("not checked");
  }

  /** A pattern from the spec that backtracks polynomially (n⁴ here) reads its model-supplied name on the budget. */
  @Test
  void aBacktrackingPropertyPatternOnAModelSuppliedNameStopsAtTheBudget() {
    String schema = """
        {"type": "object", "patternProperties": {"a.*a.*a.*x": {"type": "string"}}, "additionalProperties": false}""";
    ToolDefinition tool = ToolDefinition.builder("patterned").inputSchema(schema).http("GET", "/").build();
    ObjectNode arguments = Harness.args("{\"" + "a".repeat(1000) + "\": \"x\"}");

    List<String> problems = assertTimeoutPreemptively(LIMIT, () -> validator.validate(tool, arguments));

    assertThat(problems).singleElement().asString().startsWith("arguments: too complex to check");
  }
}
