package dev.openapi2mcp.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.generator.ApiSource;
import dev.openapi2mcp.generator.ToolFilter;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 4: the {@code apis} parameter beside {@code inputSpec}, and how filters and overrides reach each API. */
class ApiSourcesTest {
  private static final Path BASEDIR = Path.of("/project").toAbsolutePath();
  private static final FilterRules NO_FILTER = new FilterRules();

  private static Api api(String namespace, String spec) {
    Api api = new Api();
    api.namespace = namespace;
    api.spec = spec;
    return api;
  }

  private static List<ApiSource> catalog(FilterRules filter, Path overrides, Api... apis) {
    return ApiSources.of(null, null, null, List.of(apis), filter, overrides, BASEDIR);
  }

  @Test
  void eachApiBecomesASourceWithItsNamespaceAndSettings() {
    Api orders = api("orders", "specs/orders.yaml");
    orders.serverUrl = "http://127.0.0.1:9000/o";
    orders.serverVariables = Map.of("region", "eu");

    List<ApiSource> sources = catalog(NO_FILTER, null, api("inventory", "specs/inventory.yaml"), orders);

    assertThat(sources).extracting(ApiSource::namespace).containsExactly("inventory", "orders");
    assertThat(sources.get(0).inputSpec()).isEqualTo(BASEDIR.resolve("specs/inventory.yaml").toString());
    assertThat(sources.get(1).serverUrl()).isEqualTo("http://127.0.0.1:9000/o");
    assertThat(sources.get(1).serverVariables()).containsEntry("region", "eu");
  }

  @Test
  void inputSpecAloneIsAServerOfOneApiWithTheTopLevelFilterAndOverrides() {
    FilterRules filter = new FilterRules(List.of("pet"), null, null, List.of("deletePet"), List.of("/pet/**"), null,
        List.of("get", "post"), true);
    Path overrides = BASEDIR.resolve("overrides.yaml");

    List<ApiSource> sources = ApiSources.of("api.yaml", "http://h.example", Map.of("v", "1"), null, filter,
        overrides, BASEDIR);

    assertThat(sources).singleElement().satisfies(source -> {
      assertThat(source.namespace()).isNull();
      assertThat(source.serverUrl()).isEqualTo("http://h.example");
      assertThat(source.serverVariables()).containsEntry("v", "1");
      assertThat(source.filter()).isEqualTo(new ToolFilter(Set.of("pet"), null, null,
          Set.of("deletePet"), List.of("/pet/**"), null, Set.of("get", "post"), true));
      assertThat(source.overrides()).isEqualTo(overrides);
    });
  }

  @Test
  void anApiWithListRulesOfItsOwnReplacesTheTopLevelListsButReadOnlyHoldsFromEitherLevel() {
    FilterRules top = new FilterRules(List.of("pet"), null, null, null, null, null, null, true);
    Api own = api("orders", "orders.yaml");
    own.includeOperations = List.of("listOrders");
    Api inherits = api("inventory", "inventory.yaml");

    List<ApiSource> sources = catalog(top, null, own, inherits);

    assertThat(sources.get(0).filter().includeTags()).isEmpty();
    assertThat(sources.get(0).filter().includeOperations()).containsExactly("listOrders");
    assertThat(sources.get(0).filter().readOnly()).isTrue();
    assertThat(sources.get(1).filter().includeTags()).containsExactly("pet");
    assertThat(sources.get(1).filter().readOnly()).isTrue();

    Api readOnlyItself = api("orders", "orders.yaml");
    readOnlyItself.readOnly = true;
    assertThat(catalog(NO_FILTER, null, readOnlyItself, api("b", "b.yaml")))
        .extracting(source -> source.filter().readOnly()).containsExactly(true, false);
  }

  @Test
  void blankEntriesOfAListAreLeftOutAndTheRestTrimmed() {
    // A property such as -Dopenapi2mcp.includeTags=pet, ,store gives blank and padded entries.
    FilterRules filter = new FilterRules(List.of(" pet", " ", "store "), null, null, null, null, null, null,
        false);

    assertThat(filter.toFilter().includeTags()).containsExactly("pet", "store");
    assertThat(new FilterRules(List.of(), null, null, null, null, null, null, false).hasLists()).isFalse();
  }

  @Test
  void anApiWithAnOverridesFileOfItsOwnUsesItOthersTheTopLevelOne() {
    Api own = api("orders", "orders.yaml");
    own.overrides = new File("/project/orders-overrides.yaml");
    Path shared = BASEDIR.resolve("src/main/openapi2mcp/overrides.yaml");

    assertThat(catalog(NO_FILTER, shared, own, api("inventory", "inventory.yaml")))
        .extracting(ApiSource::overrides)
        .containsExactly(own.overrides.toPath(), shared);
  }

  @Test
  void inputSpecAndApisAreMutuallyExclusiveAndOneIsRequired() {
    assertThatThrownBy(() -> ApiSources.of("api.yaml", null, null, List.of(api("a", "a.yaml")), NO_FILTER, null,
        BASEDIR)).hasMessage("give either inputSpec (one API) or apis (a catalog of several), not both");
    assertThatThrownBy(() -> catalog(NO_FILTER, null))
        .hasMessage("no OpenAPI description: set inputSpec (one API) or apis (a catalog of several)");
  }

  @Test
  void anApiWithoutSpecIsNamed() {
    assertThatThrownBy(() -> catalog(NO_FILTER, null, api("a", "a.yaml"), api("orders", null)))
        .hasMessage("apis: <api> number 2 (namespace orders) has no <spec>");
  }

  @Test
  void topLevelServerSettingsAreRefusedWithApis() {
    assertThatThrownBy(() -> ApiSources.of(null, "http://h.example", null, List.of(api("a", "a.yaml")), NO_FILTER,
        null, BASEDIR)).hasMessage("serverUrl and serverVariables belong inside each <api> when apis is set");
  }
}
