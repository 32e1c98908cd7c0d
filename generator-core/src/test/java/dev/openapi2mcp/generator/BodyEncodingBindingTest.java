package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.runtime.tool.RequestBody;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: what the generator tells the runtime so that form bodies go out as the spec says: the {@code style} and
 * {@code explode} of each Encoding Object (Stripe's deepObject fields), and, for an optional flattened body, that its
 * required properties become required once any of its arguments is given.
 */
class BodyEncodingBindingTest {
  @TempDir Path out;

  private GeneratedServer server() throws GenerationException {
    return GeneratedServer.of("body-encodings.yaml", out, "encodings");
  }

  @Test
  void encodingStyleAndExplodeReachTheBinding() throws GenerationException {
    RequestBody body = server().tool("createCharge").http().body();

    assertThat(body.encodings()).containsEntry("card", new RequestBody.Encoding("deepObject", true));
  }

  @Test
  void encodingWithAStyleButNoExplodeGetsTheStylesDefault() throws GenerationException {
    RequestBody body = server().tool("createCharge").http().body();

    assertThat(body.encodings()).containsEntry("metadata", new RequestBody.Encoding("deepObject", false));
  }

  @Test
  void encodingWithOnlyAContentTypeSetsNoStyle() throws GenerationException {
    assertThat(server().tool("requestToken").http().body().encodings()).isEmpty();
  }

  @Test
  void optionalBodyMakesItsRequiredPropertiesDependentRequired() throws GenerationException {
    JsonNode schema = server().schema("requestToken");

    assertThat(schema.has("required")).isFalse();
    assertThat(schema.path("dependentRequired").path("scope")).extracting(JsonNode::asText)
        .containsExactly("client_id", "client_secret");
    assertThat(schema.path("dependentRequired").path("client_id")).extracting(JsonNode::asText)
        .containsExactly("client_secret");
  }
}
