package dev.openapi2mcp.generator.customize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.ToolFilter;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.model.ApiModel;
import dev.openapi2mcp.generator.model.ApiModelBuilder;
import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.spec.SpecLoader;
import dev.openapi2mcp.generator.testing.Specs;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which operations a {@link ToolFilter} keeps, and what it reports (issue 4, item 1). The shop spec has twelve
 * operations under the tags pet, media, store and user, one without operationId or tags.
 */
class OperationFilterTest {
  private static List<OperationModel> operations;

  private final Diagnostics diagnostics = new Diagnostics("shop.yaml");

  @BeforeAll
  static void load() throws GenerationException {
    String spec = Specs.path("customize/shop.yaml").toString();
    Diagnostics loading = new Diagnostics(spec);
    ApiModel api = ApiModelBuilder.build(SpecLoader.load(spec, loading), loading);
    assertThat(loading.hasErrors()).isFalse();
    operations = api.operations();
  }

  private static ToolFilter filter() {
    return ToolFilter.ALL;
  }

  private List<String> kept(ToolFilter filter) {
    return kept(filter, null);
  }

  private List<String> kept(ToolFilter filter, String namespace) {
    return OperationFilter.apply(filter, operations, namespace, diagnostics).stream()
        .map(OperationModel::displayName)
        .toList();
  }

  private static ToolFilter tags(Set<String> include, Set<String> exclude) {
    return new ToolFilter(include, exclude, Set.of(), Set.of(), List.of(), List.of(), Set.of(), false);
  }

  private static ToolFilter operationIds(Set<String> include, Set<String> exclude) {
    return new ToolFilter(Set.of(), Set.of(), include, exclude, List.of(), List.of(), Set.of(), false);
  }

  private static ToolFilter paths(List<String> include, List<String> exclude) {
    return new ToolFilter(Set.of(), Set.of(), Set.of(), Set.of(), include, exclude, Set.of(), false);
  }

  private List<Diagnostic> errors() {
    return diagnostics.all().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
  }

  private static Diagnostic error(String message) {
    return new Diagnostic(Diagnostic.Severity.ERROR, message, null, null, null);
  }

  @Test
  void noRuleKeepsEveryOperation() {
    assertThat(kept(filter())).hasSize(12).contains("GET /health");
    assertThat(diagnostics.all()).isEmpty();
  }

  @Test
  void includeTagsKeepsOperationsWithOneOfThem() {
    assertThat(kept(tags(Set.of("store"), Set.of())))
        .containsExactly("placeOrder", "getOrder", "orderExists", "orderOptions");
  }

  @Test
  void excludeTagsDropsOperationsWithOneOfThem() {
    assertThat(kept(tags(Set.of(), Set.of("pet", "user"))))
        .containsExactly("placeOrder", "getOrder", "orderExists", "orderOptions", "GET /health");
  }

  @Test
  void includeRulesOfDifferentKindsAddUp() {
    ToolFilter filter = new ToolFilter(Set.of("media"), Set.of(), Set.of("updateUser"), Set.of(),
        List.of("/health"), List.of(), Set.of(), false);

    assertThat(kept(filter)).containsExactly("getPhoto", "updateUser", "GET /health");
  }

  @Test
  void operationIdsAreIncludedAndExcludedByName() {
    assertThat(kept(operationIds(Set.of("addPet", "getOrder"), Set.of()))).containsExactly("addPet", "getOrder");
    assertThat(kept(operationIds(Set.of(), Set.of("addPet", "getOrder")))).hasSize(10)
        .doesNotContain("addPet", "getOrder");
  }

  @Test
  void pathGlobsIncludeAndExclude() {
    assertThat(kept(paths(List.of("/pets/**"), List.of("/pets/*/photos/*"))))
        .containsExactly("listPets", "addPet", "getPetById", "deletePet");
    assertThat(kept(paths(List.of("/store/orders/*"), List.of()))).containsExactly("getOrder", "orderExists",
        "orderOptions");
  }

  @Test
  void anExcludeRuleWinsOverAnIncludeRule() {
    ToolFilter filter = new ToolFilter(Set.of("pet"), Set.of("media"), Set.of("getOrder"), Set.of("deletePet"),
        List.of(), List.of(), Set.of(), false);

    assertThat(kept(filter)).containsExactly("listPets", "addPet", "getPetById", "getOrder");
  }

  @Test
  void methodsAreComparedIgnoringCase() {
    ToolFilter filter = new ToolFilter(Set.of(), Set.of(), Set.of(), Set.of(), List.of(), List.of(),
        Set.of("get", "Head"), false);

    assertThat(kept(filter)).containsExactly("listPets", "getPetById", "getPhoto", "getOrder", "orderExists",
        "GET /health");
  }

  @Test
  void readOnlyKeepsOnlyGetHeadAndOptions() {
    ToolFilter filter = new ToolFilter(Set.of("store", "user"), Set.of(), Set.of(), Set.of(), List.of(), List.of(),
        Set.of(), true);

    assertThat(kept(filter)).containsExactly("getOrder", "orderExists", "orderOptions");
  }

  @Test
  void readOnlyAndMethodsBothApply() {
    ToolFilter filter = new ToolFilter(Set.of(), Set.of(), Set.of(), Set.of(), List.of(), List.of(),
        Set.of("POST", "HEAD"), true);

    assertThat(kept(filter)).containsExactly("orderExists");
  }

  @Test
  void anUnknownOperationIdIsAnErrorNamingTheNearest() {
    kept(operationIds(Set.of("getPetByID"), Set.of("removePet", "placeorder")));

    assertThat(errors()).containsExactly(
        error("unknown operationId 'getPetByID' in includeOperations of the filter: did you mean getPetById?"),
        error("unknown operationId 'placeorder' in excludeOperations of the filter: did you mean placeOrder?"),
        error("unknown operationId 'removePet' in excludeOperations of the filter"));
  }

  @Test
  void anUnknownTagIsAnErrorNamingTheNearest() {
    kept(tags(Set.of("pets"), Set.of("inventory")));

    assertThat(errors()).containsExactly(
        error("unknown tag 'pets' in includeTags of the filter: did you mean pet?"),
        error("unknown tag 'inventory' in excludeTags of the filter"));
  }

  @Test
  void anUnknownMethodIsAnErrorNamingTheNearest() {
    kept(new ToolFilter(Set.of(), Set.of(), Set.of(), Set.of(), List.of(), List.of(), Set.of("GETT"), false));

    assertThat(errors()).containsExactly(error("unknown HTTP method 'GETT' in methods of the filter: did you mean GET?"));
  }

  @Test
  void inACatalogMessagesNameTheApi() {
    kept(tags(Set.of("pets"), Set.of()), "inventory");

    assertThat(errors()).containsExactly(
        error("unknown tag 'pets' in includeTags of the filter of API inventory: did you mean pet?"));
  }

  @Test
  void aGlobThatMatchesNothingIsAWarning() {
    assertThat(kept(paths(List.of("/pets/**", "/orders/*"), List.of()))).hasSize(5);

    assertThat(diagnostics.all()).containsExactly(new Diagnostic(Diagnostic.Severity.WARNING,
        "path glob '/orders/*' in includePaths of the filter matches no path", "shop.yaml", null, null));
  }

  @Test
  void aFilterThatKeepsNothingIsAWarning() {
    assertThat(kept(operationIds(Set.of("addPet"), Set.of("addPet")))).isEmpty();

    assertThat(diagnostics.all()).containsExactly(new Diagnostic(Diagnostic.Severity.WARNING,
        "the filter keeps none of the 12 operations: there are no tools from it", "shop.yaml", null, null));
  }
}
