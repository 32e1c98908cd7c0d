package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openapi2mcp.generator.ApiSource;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.ToolFilter;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.tool.FileParts;
import dev.openapi2mcp.generator.tool.ListingOptions;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the arguments of {@code generate} become a {@link GeneratorConfig}, and every way they can be wrong. */
class GenerateOptionsTest {

  private static GeneratorConfig config(String... args) throws UsageException {
    return GenerateOptions.parse(List.of(args)).toConfig();
  }

  private static String usageError(String... args) {
    UsageException e = catchThrowableOfType(UsageException.class, () -> config(args));
    assertThat(e).as("usage error for %s", List.of(args)).isNotNull();
    return e.getMessage();
  }

  @Test
  void everyOptionReachesItsConfigComponent() throws Exception {
    GeneratorConfig config = config("--spec", "specs/api.yaml", "--package", "com.example.api", "--out", "gen",
        "--server-name", "billing", "--max-tool-name-length", "40", "--description-template", "tpl/tool.txt");

    assertThat(config).isEqualTo(new GeneratorConfig("specs/api.yaml", Path.of("gen"), "com.example.api", "billing",
        Path.of("tpl/tool.txt"), 40));
  }

  @Test
  void optionalOptionsTakeTheirDefaults() throws Exception {
    GeneratorConfig config = config("--spec", "specs/petstore.json", "--package", "p", "--out", "gen");

    assertThat(config).isEqualTo(new GeneratorConfig("specs/petstore.json", Path.of("gen"), "p", "petstore", null,
        GeneratorConfig.DEFAULT_MAX_TOOL_NAME_LENGTH));
  }

  @Test
  void outputSchemaMaxBytesReachesTheConfigAndANegativeOneIsNamedByItsOption() throws Exception {
    assertThat(config("--spec", "a.json", "--package", "p", "--out", "gen").outputSchemaMaxBytes())
        .isEqualTo(GeneratorConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES);
    assertThat(config("--spec", "a.json", "--package", "p", "--out", "gen", "--output-schema-max-bytes", "2048")
        .outputSchemaMaxBytes()).isEqualTo(2048);
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--output-schema-max-bytes=-5"))
        .startsWith("--output-schema-max-bytes must be 0");
  }

  @Test
  void valuesAfterAnEqualsSignAndInAnyOrderMeanTheSame() throws Exception {
    GeneratorConfig separate = config("--spec", "a.json", "--package", "p", "--out", "gen", "--server-name", "x");
    GeneratorConfig joined = config("--out=gen", "--server-name=x", "--package=p", "--spec=a.json");

    assertThat(joined).isEqualTo(separate);
  }

  @Test
  void aValueMayContainEqualsSigns() throws Exception {
    assertThat(config("--spec=https://example.com/api?v=2&x=y", "--package", "p", "--out", "o", "--server-name", "s")
        .inputSpec()).isEqualTo("https://example.com/api?v=2&x=y");
  }

  @Test
  void anUnknownOptionIsNamed() {
    assertThat(usageError("--spec", "a.json", "--packge", "p", "--out", "o"))
        .isEqualTo("unknown option '--packge'");
  }

  @Test
  void anUnknownOptionWithAValueIsNamedWithoutTheValue() {
    assertThat(usageError("--spec", "a.json", "--colour=blue")).isEqualTo("unknown option '--colour'");
  }

  @Test
  void anOptionAtTheEndWithoutValueIsNamed() {
    assertThat(usageError("--package", "p", "--out", "o", "--spec"))
        .isEqualTo("option --spec needs a value: --spec FILE|URL");
  }

  @Test
  void anOptionFollowedByAnotherOptionHasNoValue() {
    assertThat(usageError("--spec", "--package", "p", "--out", "o"))
        .isEqualTo("option --spec needs a value: --spec FILE|URL");
  }

  @Test
  void anEmptyValueIsMissing() {
    assertThat(usageError("--spec=", "--package", "p", "--out", "o"))
        .isEqualTo("option --spec needs a value: --spec FILE|URL");
  }

  @Test
  void everyMissingRequiredOptionIsNamedWithTheAlternativesOfTheSpec() {
    assertThat(usageError("--package", "p")).isEqualTo("missing required options --spec or --api, --out");
  }

  @Test
  void aMissingRequiredOptionIsNamed() {
    assertThat(usageError("--spec", "a.json", "--out", "o")).isEqualTo("missing required option --package");
  }

  @Test
  void everyMissingRequiredOptionIsNamedAtOnce() {
    assertThat(usageError("--server-name", "x"))
        .isEqualTo("missing required options --spec or --api, --package, --out");
  }

  @Test
  void anOptionGivenTwiceIsNamed() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--spec", "b.json"))
        .isEqualTo("option --spec is given more than once");
  }

  @Test
  void aPositionalArgumentIsRejected() {
    assertThat(usageError("--spec", "a.json", "extra.json", "--package", "p", "--out", "o"))
        .isEqualTo("unexpected argument 'extra.json'");
  }

  @Test
  void aToolNameLengthThatIsNoNumberIsNamedWithItsValue() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--max-tool-name-length", "long"))
        .isEqualTo("--max-tool-name-length must be a whole number, was 'long'");
  }

  @Test
  void aToolNameLengthTheConfigRejectsIsReportedUnderTheOptionName() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--max-tool-name-length", "3"))
        .isEqualTo("--max-tool-name-length must be at least 8, was 3");
  }

  @Test
  void anOutputPathWithANulCharacterIsNamed() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o\0ut"))
        .startsWith("--out is not a valid path: 'o\0ut'");
  }

  @Test
  void aSpecWithoutAFileNameNeedsAServerName() {
    assertThat(usageError("--spec", "/", "--package", "p", "--out", "o"))
        .isEqualTo("cannot derive a server name from --spec '/': give --server-name");
  }

  @Test
  void everyNewOptionReachesItsPlaceInTheConfig() throws Exception {
    GeneratorConfig config = config("--spec", "specs/api.yaml", "--package", "com.example.api", "--out", "gen",
        "--server-name", "billing", "--server-url", "https://api.example.com/v2",
        "--server-variable", "region=us", "--server-variable", "port=8443",
        "--include-tag", "pet", "--include-tag", "store", "--exclude-tag", "beta",
        "--include-operation", "getPetById", "--exclude-operation", "deletePet",
        "--include-path", "/pet/**", "--include-path", "/a", "--exclude-path", "/store/*",
        "--method", "get", "--method", "POST", "--read-only", "--overrides", "custom/overrides.yaml",
        "--max-tool-name-length", "40", "--description-template", "tpl/tool.txt", "--file-parts", "both",
        "--schema-max-depth", "6", "--schema-max-bytes", "4096", "--allow-remote-refs", "--token-budget", "9000",
        "--report-dir", "reports", "--deployment-dir", "deploy");

    ToolFilter filter = new ToolFilter(Set.of("pet", "store"), Set.of("beta"), Set.of("getPetById"),
        Set.of("deletePet"), List.of("/pet/**", "/a"), List.of("/store/*"), Set.of("get", "POST"), true);
    ApiSource api = new ApiSource("specs/api.yaml", null, "https://api.example.com/v2",
        Map.of("region", "us", "port", "8443"), filter, Path.of("custom/overrides.yaml"));
    assertThat(config).isEqualTo(new GeneratorConfig(List.of(api), Path.of("gen"), "com.example.api", "billing",
        Path.of("tpl/tool.txt"), 40, true, FileParts.BOTH, new SchemaBudget(6, 4096), 9000, Path.of("reports"),
        Path.of("deploy"), GeneratorConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES, ListingOptions.DEFAULT));
  }

  @Test
  void aCatalogHasOneApiPerApiOptionEachWithTheFilterAndTheOverrides() throws Exception {
    GeneratorConfig config = config("--api", "inventory=specs/inventory.yaml", "--api=orders=https://x.test/o.json?v=1",
        "--server-name", "shop", "--package", "p", "--out", "gen", "--read-only", "--exclude-path", "/admin/**",
        "--overrides", "shop-overrides.yaml");

    ToolFilter filter = new ToolFilter(null, null, null, null, null, List.of("/admin/**"), null, true);
    assertThat(config.apis()).containsExactly(
        new ApiSource("specs/inventory.yaml", "inventory", null, Map.of(), filter, Path.of("shop-overrides.yaml")),
        new ApiSource("https://x.test/o.json?v=1", "orders", null, Map.of(), filter,
            Path.of("shop-overrides.yaml")));
    assertThat(config.catalog()).isTrue();
    assertThat(config.serverName()).isEqualTo("shop");
  }

  @Test
  void anApiWithoutNamespaceOrSpecIsNamedWithItsValue() {
    for (String value : List.of("inventory.yaml", "=inventory.yaml", "inventory=")) {
      assertThat(usageError("--api", value, "--server-name", "s", "--package", "p", "--out", "o"))
          .isEqualTo("--api needs NAMESPACE=SPEC, was '" + value + "'");
    }
  }

  @Test
  void specAndApiExcludeEachOther() {
    assertThat(usageError("--spec", "a.json", "--api", "inv=b.json", "--package", "p", "--out", "o"))
        .isEqualTo("options --spec and --api exclude each other: give one of --spec or --api");
  }

  @Test
  void aCatalogNeedsAServerName() {
    assertThat(usageError("--api", "inv=a.json", "--package", "p", "--out", "o"))
        .isEqualTo("a service catalog (--api) needs --server-name");
  }

  @Test
  void theBaseUrlAndServerVariablesOfOneApiAreRefusedForACatalog() {
    assertThat(usageError("--api", "inv=a.json", "--server-name", "s", "--package", "p", "--out", "o",
        "--server-url", "https://inv.example.com"))
        .startsWith("--server-url belongs to a server of one API (--spec);");
    assertThat(usageError("--api", "inv=a.json", "--server-name", "s", "--package", "p", "--out", "o",
        "--server-variable", "region=us"))
        .startsWith("--server-variable belongs to a server of one API (--spec);");
  }

  @Test
  void aServerVariableNeedsANameAndIsGivenOnce() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--server-variable", "region"))
        .isEqualTo("--server-variable needs NAME=VALUE, was 'region'");
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--server-variable", "=us"))
        .isEqualTo("--server-variable needs NAME=VALUE, was '=us'");
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--server-variable", "region=us",
        "--server-variable", "region=eu"))
        .isEqualTo("--server-variable region is given more than once");
  }

  @Test
  void aServerVariableValueMayBeEmptyOrContainEqualsSigns() throws Exception {
    GeneratorConfig config = config("--spec", "a.json", "--package", "p", "--out", "o",
        "--server-variable", "basePath=", "--server-variable=query=a=b");

    assertThat(config.apis().get(0).serverVariables()).isEqualTo(Map.of("basePath", "", "query", "a=b"));
  }

  @Test
  void aFlagTakesNoValue() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--read-only=yes"))
        .isEqualTo("option --read-only takes no value, was given 'yes'");
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--allow-remote-refs", "true"))
        .isEqualTo("unexpected argument 'true'");
  }

  @Test
  void aFlagGivenTwiceIsNamed() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--read-only", "--read-only"))
        .isEqualTo("option --read-only is given more than once");
  }

  @Test
  void aFlagBeforeAnotherOptionLeavesItsValueAlone() throws Exception {
    GeneratorConfig config = config("--read-only", "--spec", "a.json", "--allow-remote-refs", "--package", "p",
        "--out", "o");

    assertThat(config.apis().get(0).filter().readOnly()).isTrue();
    assertThat(config.allowRemoteRefs()).isTrue();
    assertThat(config.inputSpec()).isEqualTo("a.json");
  }

  @Test
  void anUnknownFilePartsModeNamesTheAcceptedOnes() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--file-parts", "zip"))
        .isEqualTo("--file-parts must be base64, path or both, was 'zip'");
  }

  @Test
  void schemaBudgetsOutOfRangeAreNamedUnderTheirOption() {
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--schema-max-depth", "1"))
        .isEqualTo("--schema-max-depth: the schema depth budget must be at least 2, was 1");
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--schema-max-bytes", "100"))
        .isEqualTo("--schema-max-bytes: the schema size budget must be at least 1024 bytes, was 100");
    assertThat(usageError("--spec", "a.json", "--package", "p", "--out", "o", "--schema-max-bytes", "64k"))
        .isEqualTo("--schema-max-bytes must be a whole number, was '64k'");
  }

  @Test
  void lintTakesTheOptionsOfGenerateButPackageOutAndDeploymentDir() {
    assertThat(GenerateOptions.LINT_TABLE).map(Option::name)
        .containsExactlyElementsOf(GenerateOptions.TABLE.stream().map(Option::name)
            .filter(name -> !Set.of("--package", "--out", "--deployment-dir").contains(name)).toList());
  }

  @Test
  void lintConfiguresTheSameRunAsGenerateWithoutItsFiles() throws Exception {
    String[] shared = {"--spec", "specs/api.yaml", "--server-name", "billing", "--include-tag", "pet",
        "--read-only", "--token-budget", "500", "--report-dir", "reports", "--schema-max-depth", "5"};

    GeneratorConfig lint = GenerateOptions.parseLint(List.of(shared)).toLintConfig();

    List<String> generate = new java.util.ArrayList<>(List.of(shared));
    generate.addAll(List.of("--package", GeneratorConfig.LINT_PACKAGE, "--out", "."));
    assertThat(lint).isEqualTo(config(generate.toArray(String[]::new)));
  }

  @Test
  void lintNamesAnOptionOfGenerateAlone() {
    for (String option : List.of("--out", "--package", "--deployment-dir")) {
      UsageException e = catchThrowableOfType(UsageException.class,
          () -> GenerateOptions.parseLint(List.of("--spec", "a.json", option + "=x")));
      assertThat(e.getMessage()).isEqualTo("option " + option + " is for generate only: lint writes no sources");
    }
  }

  @Test
  void everyOptionOfTheTableHasItsConfigComponent() {
    assertThat(GenerateOptions.TABLE).allSatisfy(option -> {
      String path = GenerateOptions.CONFIG_COMPONENTS.get(option.name());
      assertThat(path).as("config component of %s", option.name()).isNotNull();
      Class<?> type = GeneratorConfig.class;
      for (String segment : path.split("\\.")) {
        RecordComponent component = component(type, segment);
        assertThat(component).as("%s: %s has no component %s", option.name(), type.getSimpleName(), segment)
            .isNotNull();
        type = elementType(component);
      }
    });
    assertThat(GenerateOptions.CONFIG_COMPONENTS).containsOnlyKeys(
        GenerateOptions.TABLE.stream().map(Option::name).toList());
  }

  /** An argument for each option, with a value other than the default and other than {@link #BASE}'s. */
  private static final Map<String, List<String>> SAMPLES = Map.ofEntries(
      Map.entry("--spec", List.of("--spec", "specs/other.yaml")),
      Map.entry("--api", List.of("--api", "inv=specs/inventory.yaml")),
      Map.entry("--package", List.of("--package", "com.example.other")),
      Map.entry("--out", List.of("--out", "elsewhere")),
      Map.entry("--server-name", List.of("--server-name", "other")),
      Map.entry("--server-url", List.of("--server-url", "https://api.example.com")),
      Map.entry("--server-variable", List.of("--server-variable", "region=us")),
      Map.entry("--include-tag", List.of("--include-tag", "pet")),
      Map.entry("--exclude-tag", List.of("--exclude-tag", "pet")),
      Map.entry("--include-operation", List.of("--include-operation", "getPetById")),
      Map.entry("--exclude-operation", List.of("--exclude-operation", "getPetById")),
      Map.entry("--include-path", List.of("--include-path", "/pet/**")),
      Map.entry("--exclude-path", List.of("--exclude-path", "/pet/**")),
      Map.entry("--method", List.of("--method", "GET")),
      Map.entry("--read-only", List.of("--read-only")),
      Map.entry("--overrides", List.of("--overrides", "overrides.yaml")),
      Map.entry("--max-tool-name-length", List.of("--max-tool-name-length", "32")),
      Map.entry("--description-template", List.of("--description-template", "tool.txt")),
      Map.entry("--file-parts", List.of("--file-parts", "path")),
      Map.entry("--schema-max-depth", List.of("--schema-max-depth", "4")),
      Map.entry("--schema-max-bytes", List.of("--schema-max-bytes", "2048")),
      Map.entry("--allow-remote-refs", List.of("--allow-remote-refs")),
      Map.entry("--token-budget", List.of("--token-budget", "1000")),
      Map.entry("--output-schema-max-bytes", List.of("--output-schema-max-bytes", "1024")),
      Map.entry("--keep-repeated-titles", List.of("--keep-repeated-titles")),
      Map.entry("--keep-reference-sentences", List.of("--keep-reference-sentences")),
      Map.entry("--report-dir", List.of("--report-dir", "reports")),
      Map.entry("--deployment-dir", List.of("--deployment-dir", "deploy")));

  private static final List<String> BASE =
      List.of("--spec", "specs/api.yaml", "--package", "p", "--out", "gen", "--server-name", "s");

  @Test
  void everyOptionChangesTheComponentItNames() throws Exception {
    assertThat(SAMPLES).containsOnlyKeys(GenerateOptions.TABLE.stream().map(Option::name).toList());
    GeneratorConfig base = config(BASE.toArray(String[]::new));
    for (Option<GenerateOptions> option : GenerateOptions.TABLE) {
      List<String> sample = SAMPLES.get(option.name());
      // The base's own value of the option (or of its alternative, for --spec and --api) gives way to the sample.
      Set<String> replaced = Set.of("--spec", "--api").contains(option.name())
          ? Set.of("--spec", "--api") : Set.of(option.name());
      List<String> args = new java.util.ArrayList<>();
      for (int i = 0; i < BASE.size(); i += 2) {
        if (!replaced.contains(BASE.get(i))) {
          args.addAll(BASE.subList(i, i + 2));
        }
      }
      args.addAll(sample);
      String path = GenerateOptions.CONFIG_COMPONENTS.get(option.name());

      GeneratorConfig changed = config(args.toArray(String[]::new));

      assertThat(value(changed, path)).as("%s → %s", sample, path).isNotEqualTo(value(base, path));
    }
  }

  /** The value at a path of record components; through a list, the list of each element's value. */
  private static Object value(Object root, String path) throws Exception {
    Object value = root;
    for (String segment : path.split("\\.")) {
      if (value instanceof List<?> list) {
        List<Object> values = new java.util.ArrayList<>();
        for (Object element : list) {
          values.add(component(element.getClass(), segment).getAccessor().invoke(element));
        }
        value = values;
      } else {
        value = component(value.getClass(), segment).getAccessor().invoke(value);
      }
    }
    return value;
  }

  private static RecordComponent component(Class<?> type, String name) {
    if (!type.isRecord()) {
      return null;
    }
    return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElse(null);
  }

  /** The component's type, or the element type of a list component. */
  private static Class<?> elementType(RecordComponent component) {
    if (component.getGenericType() instanceof ParameterizedType parameterized
        && List.class.equals(parameterized.getRawType())) {
      return (Class<?>) parameterized.getActualTypeArguments()[0];
    }
    return component.getType();
  }
}
