package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

  @Test
  void acceptListsTypesExactlyOrByWildcardAndHonoursQualityZero() {
    String both = "application/json, text/event-stream";
    assertThat(MediaTypes.accepts(both, MediaTypes.JSON)).isTrue();
    assertThat(MediaTypes.accepts(both, MediaTypes.EVENT_STREAM)).isTrue();
    assertThat(MediaTypes.accepts("Application/JSON;q=0.5", MediaTypes.JSON)).isTrue();
    assertThat(MediaTypes.accepts("*/*", MediaTypes.EVENT_STREAM)).isTrue();
    assertThat(MediaTypes.accepts("text/*", MediaTypes.EVENT_STREAM)).isTrue();
    assertThat(MediaTypes.accepts("text/*", MediaTypes.JSON)).isFalse();
    assertThat(MediaTypes.accepts("application/json", MediaTypes.EVENT_STREAM)).isFalse();
    assertThat(MediaTypes.accepts("text/event-stream;q=0", MediaTypes.EVENT_STREAM)).isFalse();
    assertThat(MediaTypes.accepts("text/event-stream; q=0.0", MediaTypes.EVENT_STREAM)).isFalse();
    assertThat(MediaTypes.accepts(null, MediaTypes.JSON)).isFalse();
    assertThat(MediaTypes.accepts("application/jsonx", MediaTypes.JSON)).isFalse();
  }

  @Test
  void contentTypeIsJsonWithAnyParameters() {
    assertThat(MediaTypes.isJson("application/json")).isTrue();
    assertThat(MediaTypes.isJson("application/json; charset=utf-8")).isTrue();
    assertThat(MediaTypes.isJson("APPLICATION/JSON")).isTrue();
    assertThat(MediaTypes.isJson("application/json-patch+json")).isFalse();
    assertThat(MediaTypes.isJson("text/plain")).isFalse();
    assertThat(MediaTypes.isJson(null)).isFalse();
  }
}
