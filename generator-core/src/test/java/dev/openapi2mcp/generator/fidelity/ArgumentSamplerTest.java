package dev.openapi2mcp.generator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fidelity harness's argument sampler (issue 3, item 9): deterministic per seed, and what it draws is valid
 * against the schema by an independent validator.
 */
class ArgumentSamplerTest {
  private static final String SCHEMA = """
      {"type": "object", "properties": {
         "id": {"type": "string", "format": "uuid"},
         "when": {"type": "string", "format": "date-time"},
         "code": {"type": "string", "pattern": "^[A-Z]{3}-\\\\d{2}$"},
         "size": {"type": "integer", "minimum": 5, "exclusiveMaximum": 9},
         "ratio": {"type": "number", "multipleOf": 0.25, "minimum": 1},
         "tags": {"type": "array", "items": {"enum": ["a", "b", "c"]}, "minItems": 2, "uniqueItems": true},
         "pet": {"oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}]},
         "tree": {"$ref": "#/$defs/Node"},
         "file": {"type": "object", "properties": {"content": {"type": "string", "contentEncoding": "base64"}},
                  "required": ["content"]}},
       "required": ["id", "code", "size", "tags", "pet", "tree"],
       "additionalProperties": false,
       "$defs": {
         "Cat": {"type": "object", "properties": {"kind": {"const": "cat"}, "lives": {"type": "integer"}},
                 "required": ["kind"], "additionalProperties": false},
         "Dog": {"type": "object", "properties": {"kind": {"const": "dog"}}, "required": ["kind"],
                 "additionalProperties": false},
         "Node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                  "name": {"type": "string", "minLength": 2}}, "required": ["name"]}}}""";

  private static ObjectNode sample(long seed, boolean all) {
    return new ArgumentSampler(ArgumentSampler.parse(SCHEMA), seed,
        new ArgumentSampler.Options(all, true, Set.of("code"))).sample();
  }

  @Test
  void drawnArgumentsAreValidAgainstTheSchema() {
    SchemaCheck check = new SchemaCheck();
    for (long seed = 0; seed < 40; seed++) {
      ObjectNode arguments = sample(seed, seed % 2 == 0);
      assertThat(check.problems(SCHEMA, arguments.toString())).as("seed %d: %s", seed, arguments).isEmpty();
    }
  }

  @Test
  void theSameSeedDrawsTheSameArguments() {
    assertThat(sample(11, true)).isEqualTo(sample(11, true));
  }

  @Test
  void requiredOnlyVariantLeavesOutOptionalTopLevelArguments() {
    assertThat(sample(3, false).properties()).extracting(java.util.Map.Entry::getKey)
        .containsExactly("id", "code", "size", "tags", "pet", "tree");
  }

  @Test
  void recursionEndsAtTheDepthLimit() {
    for (long seed = 0; seed < 20; seed++) {
      assertThat(sample(seed, true).at("/tree").toString().length()).isLessThan(10_000);
    }
  }
}
