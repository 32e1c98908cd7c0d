package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openapi2mcp.generator.GeneratorConfig;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(config("--spec", "a.json", "--package", "p", "--out", "gen", "--output-schema-max-bytes", "0")
        .outputSchemaMaxBytes()).isZero();
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
  void aMissingRequiredOptionIsNamed() {
    assertThat(usageError("--spec", "a.json", "--out", "o")).isEqualTo("missing required option --package");
  }

  @Test
  void everyMissingRequiredOptionIsNamedAtOnce() {
    assertThat(usageError("--server-name", "x")).isEqualTo("missing required options --spec, --package, --out");
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
  void everyOptionOfTheTableHasItsConfigComponent() {
    List<String> components = List.of(GeneratorConfig.class.getRecordComponents()).stream()
        .map(java.lang.reflect.RecordComponent::getName)
        .toList();

    assertThat(GenerateOptions.TABLE).allSatisfy(option ->
        assertThat(components).contains(GenerateOptions.CONFIG_COMPONENTS.get(option.name())));
  }
}
