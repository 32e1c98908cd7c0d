package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The default server name: the spec's file name without its extension. */
class ServerNamesTest {

  @Test
  void aJsonFileLosesItsExtension() throws Exception {
    assertThat(ServerNames.fromSpec("petstore.json")).isEqualTo("petstore");
  }

  @Test
  void yamlAndYmlFilesInDirectoriesLoseTheirExtension() throws Exception {
    assertThat(ServerNames.fromSpec("specs/billing.yaml")).isEqualTo("billing");
    assertThat(ServerNames.fromSpec("/srv/specs/Orders.YML")).isEqualTo("Orders");
  }

  @Test
  void onlyTheLastSpecExtensionGoes() throws Exception {
    assertThat(ServerNames.fromSpec("api.github.com.json")).isEqualTo("api.github.com");
    assertThat(ServerNames.fromSpec("petstore.openapi.yaml")).isEqualTo("petstore.openapi");
  }

  @Test
  void anotherExtensionIsKept() throws Exception {
    assertThat(ServerNames.fromSpec("specs/api.txt")).isEqualTo("api.txt");
  }

  @Test
  void aUrlGivesItsLastPathSegmentWithoutQuery() throws Exception {
    assertThat(ServerNames.fromSpec("https://example.com/v1/openapi.yaml?raw=1#top")).isEqualTo("openapi");
    assertThat(ServerNames.fromSpec("file:/specs/my%20api.json")).isEqualTo("my api");
  }

  @Test
  void aUrlEndingInASlashGivesItsLastSegment() throws Exception {
    assertThat(ServerNames.fromSpec("https://example.com/specs/stripe/")).isEqualTo("stripe");
  }

  @Test
  void aUrlWithoutPathGivesItsHost() throws Exception {
    assertThat(ServerNames.fromSpec("https://API.example.com")).isEqualTo("api.example.com");
    assertThat(ServerNames.fromSpec("https://api.example.com/")).isEqualTo("api.example.com");
  }

  @Test
  void nothingLeftAsksForAServerName() {
    assertThatThrownBy(() -> ServerNames.fromSpec(".json"))
        .isInstanceOf(UsageException.class)
        .hasMessage("cannot derive a server name from --spec '.json': give --server-name");
  }
}
