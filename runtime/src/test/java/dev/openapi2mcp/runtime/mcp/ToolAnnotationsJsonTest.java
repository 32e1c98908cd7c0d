package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.tool.ToolAnnotations;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: annotations carry only what differs from MCP's defaults. Each case is checked two ways: the exact JSON,
 * and that a client applying the schema's defaults to that JSON reads the meaning the definition gives.
 */
class ToolAnnotationsJsonTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }

  @Test
  void readOnlyToolSendsOnlyReadOnlyHintSinceDestructiveAndIdempotentMeanNothingThen() throws Exception {
    ToolAnnotations get = new ToolAnnotations("Get a pet", true, false, true, true);
    assertThat(ToolAnnotationsJson.render(get, "Get a pet", true)).isEqualTo(json("{\"readOnlyHint\":true}"));
    assertThat(ClientView.of(ToolAnnotationsJson.render(get, "Get a pet", true)).readOnly()).isTrue();
  }

  @Test
  void eachMethodShapeKeepsItsMeaningForAClientThatAppliesTheDefaults() {
    // The hints the generator derives from POST, PUT/DELETE and PATCH, plus a closed-world read.
    ToolAnnotations[] all = {
        new ToolAnnotations(null, false, false, false, true),
        new ToolAnnotations(null, false, true, true, true),
        new ToolAnnotations(null, false, true, false, true),
        new ToolAnnotations(null, true, false, true, false),
    };
    for (ToolAnnotations given : all) {
      ClientView seen = ClientView.of(ToolAnnotationsJson.render(given, null, true));
      assertThat(seen.readOnly()).as(given.toString()).isEqualTo(given.readOnlyHint());
      if (!given.readOnlyHint()) {
        assertThat(seen.destructive()).as(given.toString()).isEqualTo(given.destructiveHint());
        assertThat(seen.idempotent()).as(given.toString()).isEqualTo(given.idempotentHint());
      }
      assertThat(seen.openWorld()).as(given.toString()).isEqualTo(given.openWorldHint());
    }
  }

  @Test
  void postSendsDestructiveFalsePutSendsIdempotentTruePatchSendsNothing() throws Exception {
    assertThat(ToolAnnotationsJson.render(new ToolAnnotations(null, false, false, false, true), null, true))
        .isEqualTo(json("{\"destructiveHint\":false}"));
    assertThat(ToolAnnotationsJson.render(new ToolAnnotations(null, false, true, true, true), null, true))
        .isEqualTo(json("{\"idempotentHint\":true}"));
    assertThat(ToolAnnotationsJson.render(new ToolAnnotations(null, false, true, false, true), null, true))
        .isEmpty();
    assertThat(ToolAnnotationsJson.render(new ToolAnnotations(null, null, null, null, false), null, true))
        .isEqualTo(json("{\"openWorldHint\":false}"));
    assertThat(ToolAnnotationsJson.render(ToolAnnotations.NONE, null, true)).isEmpty();
  }

  @Test
  void titleIsLeftOutOnlyWhenTheRevisionShowsTheSameTextAsTheToolTitle() throws Exception {
    ToolAnnotations titled = new ToolAnnotations("Delete a pet", false, true, true, true);
    assertThat(ToolAnnotationsJson.render(titled, "Delete a pet", true)).isEqualTo(json("{\"idempotentHint\":true}"));
    // 2025-03-26 has no top-level title: the annotation is the only place the client finds it.
    assertThat(ToolAnnotationsJson.render(titled, "Delete a pet", false))
        .isEqualTo(json("{\"title\":\"Delete a pet\",\"idempotentHint\":true}"));
    assertThat(ToolAnnotationsJson.render(titled, "Remove pet", true).get("title").asText())
        .isEqualTo("Delete a pet");
    assertThat(ToolAnnotationsJson.render(titled, null, true).get("title").asText()).isEqualTo("Delete a pet");
  }

  /** How a client reads annotations: the MCP schema's defaults for whatever is absent. */
  private record ClientView(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    static ClientView of(JsonNode annotations) {
      return new ClientView(annotations.path("readOnlyHint").asBoolean(false),
          annotations.path("destructiveHint").asBoolean(true),
          annotations.path("idempotentHint").asBoolean(false),
          annotations.path("openWorldHint").asBoolean(true));
    }
  }
}
