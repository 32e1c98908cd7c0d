package dev.openapi2mcp.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.generator.ApiSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 4: the {@code apis} parameter beside {@code inputSpec}. */
class ApiSourcesTest {
  private static final Path BASEDIR = Path.of("/project").toAbsolutePath();

  private static Api api(String namespace, String spec) {
    Api api = new Api();
    api.namespace = namespace;
    api.spec = spec;
    return api;
  }

  @Test
  void eachApiBecomesASourceWithItsNamespaceAndSettings() {
    Api orders = api("orders", "specs/orders.yaml");
    orders.serverUrl = "http://127.0.0.1:9000/o";
    orders.serverVariables = Map.of("region", "eu");

    List<ApiSource> sources = ApiSources.of(null, null, null, List.of(api("inventory", "specs/inventory.yaml"),
        orders), BASEDIR);

    assertThat(sources).extracting(ApiSource::namespace).containsExactly("inventory", "orders");
    assertThat(sources.get(0).inputSpec()).isEqualTo(BASEDIR.resolve("specs/inventory.yaml").toString());
    assertThat(sources.get(1).serverUrl()).isEqualTo("http://127.0.0.1:9000/o");
    assertThat(sources.get(1).serverVariables()).containsEntry("region", "eu");
  }

  @Test
  void inputSpecAloneIsAServerOfOneApi() {
    List<ApiSource> sources = ApiSources.of("api.yaml", "http://h.example", Map.of("v", "1"), null, BASEDIR);

    assertThat(sources).singleElement().satisfies(source -> {
      assertThat(source.namespace()).isNull();
      assertThat(source.serverUrl()).isEqualTo("http://h.example");
      assertThat(source.serverVariables()).containsEntry("v", "1");
    });
  }

  @Test
  void inputSpecAndApisAreMutuallyExclusiveAndOneIsRequired() {
    assertThatThrownBy(() -> ApiSources.of("api.yaml", null, null, List.of(api("a", "a.yaml")), BASEDIR))
        .hasMessage("give either inputSpec (one API) or apis (a catalog of several), not both");
    assertThatThrownBy(() -> ApiSources.of(null, null, null, List.of(), BASEDIR))
        .hasMessage("no OpenAPI description: set inputSpec (one API) or apis (a catalog of several)");
  }

  @Test
  void anApiWithoutSpecIsNamed() {
    assertThatThrownBy(() -> ApiSources.of(null, null, null, List.of(api("a", "a.yaml"), api("orders", null)),
        BASEDIR)).hasMessage("apis: <api> number 2 (namespace orders) has no <spec>");
  }

  @Test
  void topLevelServerSettingsAreRefusedWithApis() {
    assertThatThrownBy(() -> ApiSources.of(null, "http://h.example", null, List.of(api("a", "a.yaml")), BASEDIR))
        .hasMessage("serverUrl and serverVariables belong inside each <api> when apis is set");
  }
}
