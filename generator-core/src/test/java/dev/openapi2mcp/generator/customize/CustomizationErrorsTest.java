package dev.openapi2mcp.generator.customize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.ToolFilter;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a customization can be wrong fails the build with a message naming what, where (overrides file and
 * JSON pointer, or spec pointer) and the nearest valid name (issue 4, item 4). All errors of a run come at once.
 */
class CustomizationErrorsTest {
  private static final String SHOP = "customize/shop.yaml";

  @TempDir
  Path dir;

  private Path overrides(String yaml) throws IOException {
    Path file = dir.resolve("overrides.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private GeneratorConfig config(String spec, Path overrides) {
    return Specs.config(spec, dir.resolve("out"), "shop").withEachApi(api -> api.withOverrides(overrides));
  }

  private List<Diagnostic> errors(GeneratorConfig config) {
    GenerationException e = catchThrowableOfType(GenerationException.class, () -> Generator.run(config));
    assertThat(e).as("the run fails").isNotNull();
    assertThat(dir.resolve("out")).doesNotExist();
    return e.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
  }

  private List<Diagnostic> errors(String yaml) throws IOException {
    return errors(config(SHOP, overrides(yaml)));
  }

  /** An error in the overrides file: the message names file and pointer, so the diagnostic has no other place. */
  private Diagnostic inFile(String operationId, String message) {
    return new Diagnostic(Diagnostic.Severity.ERROR, message, null, null, operationId);
  }

  private String file() {
    return dir.resolve("overrides.yaml").toString();
  }

  @Test
  void anUnknownOperationIdNamesFilePointerAndTheNearest() throws IOException {
    List<Diagnostic> errors = errors("operations:\n  getPetByID: {title: x}\n  listOrders: {title: y}\n");

    assertThat(errors).containsExactly(
        inFile(null, "unknown operationId 'getPetByID' in " + file()
            + " (/operations/getPetByID): did you mean getPetById?"),
        inFile(null, "unknown operationId 'listOrders' in " + file() + " (/operations/listOrders)"));
  }

  @Test
  void unknownKeysAnywhereAreErrorsWithTheNearestOrTheKnownKeys() throws IOException {
    List<Diagnostic> errors = errors("""
        operation: {}
        operations:
          addPet:
            descripton: Adds.
            colour: red
            annotations: {readonlyHint: true}
            parameters:
              channel: {fixed: mcp}
        """);

    assertThat(errors).containsExactly(
        inFile(null, "unknown key 'operation' in " + file() + " (/operation): did you mean operations?"),
        inFile(null, "unknown key 'descripton' in " + file()
            + " (/operations/addPet/descripton): did you mean description?"),
        inFile(null, "unknown key 'colour' in " + file() + " (/operations/addPet/colour): expected 'name', "
            + "'title', 'description', 'enabled', 'annotations' or 'parameters'"),
        inFile(null, "unknown key 'readonlyHint' in " + file()
            + " (/operations/addPet/annotations/readonlyHint): did you mean readOnlyHint?"),
        inFile(null, "unknown key 'fixed' in " + file() + " (/operations/addPet/parameters/channel/fixed): "
            + "expected 'description', 'value', 'default' or 'hidden'"));
  }

  @Test
  void valuesOfTheWrongTypeAreErrors() throws IOException {
    List<Diagnostic> errors = errors("""
        operations:
          addPet: {enabled: "no", name: "", annotations: {idempotentHint: 1}}
          listPets: {parameters: {debug: {hidden: yes please}}}
          getOrder: [title]
        """);

    assertThat(errors).containsExactlyInAnyOrder(
        inFile(null, "invalid 'enabled' in " + file() + " (/operations/addPet/enabled): expected true or false"),
        inFile(null, "invalid 'name' in " + file() + " (/operations/addPet/name): expected a non-empty string"),
        inFile(null, "invalid 'idempotentHint' in " + file()
            + " (/operations/addPet/annotations/idempotentHint): expected true or false"),
        inFile(null, "invalid 'hidden' in " + file()
            + " (/operations/listPets/parameters/debug/hidden): expected true or false"),
        inFile(null, "invalid 'getOrder' in " + file() + " (/operations/getOrder): expected an object with "
            + "'name', 'title', 'description', 'enabled', 'annotations' or 'parameters'"));
  }

  @Test
  void anUnknownArgumentNamesTheNearestOrTheToolsArguments() throws IOException {
    List<Diagnostic> errors = errors("""
        operations:
          getPetById: {parameters: {petID: {description: x}}}
          listPets: {parameters: {organisation: {value: acme}}}
          getPhoto: {parameters: {photId: {value: x}}}
        """);

    assertThat(errors).containsExactlyInAnyOrder(
        inFile("getPetById", "unknown argument 'petID' of getPetById in " + file()
            + " (/operations/getPetById/parameters/petID): did you mean petId?"),
        inFile("listPets", "unknown argument 'organisation' of listPets in " + file()
            + " (/operations/listPets/parameters/organisation): the tool's arguments are limit, orgId, debug, status"),
        inFile("getPhoto", "unknown argument 'photId' of getPhoto in " + file()
            + " (/operations/getPhoto/parameters/photId): did you mean photoId?"));
  }

  @Test
  void aRequiredArgumentCannotBeHiddenWithoutAValue() throws IOException {
    List<Diagnostic> errors = errors("""
        operations:
          listPets: {parameters: {orgId: {hidden: true}}}
          addPet: {parameters: {name: {hidden: true}, status: {hidden: true}}}
          getPetById: {parameters: {petId: {hidden: true, value: 7}}}
        """);

    assertThat(errors).containsExactly(
        inFile("listPets", "invalid 'hidden' of argument 'orgId' in " + file()
            + " (/operations/listPets/parameters/orgId/hidden): the operation requires it; give it a value or leave "
            + "it visible"),
        inFile("addPet", "invalid 'hidden' of argument 'name' in " + file()
            + " (/operations/addPet/parameters/name/hidden): the operation requires it; give it a value or leave "
            + "it visible"));
  }

  @Test
  void fixedValuesAndDefaultsMustFitTheArgumentsTypeAndEnum() throws IOException {
    List<Diagnostic> errors = errors("""
        operations:
          listPets:
            parameters:
              limit: {value: ten}
              status: {default: lost}
              debug: {value: true, default: false}
          getPetById: {parameters: {petId: {value: 7.0}}}
          getOrder: {parameters: {orderId: {value: 42}}}
        """);

    assertThat(errors).containsExactlyInAnyOrder(
        inFile("listPets", "invalid 'value' of argument 'limit' in " + file()
            + " (/operations/listPets/parameters/limit/value): \"ten\" is not an integer"),
        inFile("listPets", "invalid 'default' of argument 'status' in " + file()
            + " (/operations/listPets/parameters/status/default): \"lost\" is not one of "
            + "[\"available\",\"pending\",\"sold\"]"),
        inFile("listPets", "invalid 'default' of argument 'debug' in " + file()
            + " (/operations/listPets/parameters/debug/default): it also has a fixed value, so a default would "
            + "never be used"),
        inFile("getOrder", "invalid 'value' of argument 'orderId' in " + file()
            + " (/operations/getOrder/parameters/orderId/value): 42 is not a string"));
  }

  @Test
  void aChosenToolNameIsCheckedNotCut() throws IOException {
    String longName = "get_the_pet_with_the_given_identifier_from_the_store_of_the_organisation";
    List<Diagnostic> errors = errors("operations:\n  getPetById: {name: get pet}\n  addPet: {name: " + longName
        + "}\n");

    assertThat(errors).containsExactlyInAnyOrder(
        inFile("getPetById", "invalid tool name 'get pet' for getPetById in " + file()
            + " (/operations/getPetById/name): a tool name may only hold letters, digits, '_', '.' and '-'"),
        inFile("addPet", "invalid tool name '" + longName + "' for addPet in " + file() + " (/operations/addPet/name): it is "
            + longName.length() + " characters long, more than the limit of 64"));
  }

  @Test
  void duplicateToolNamesAfterRenamingNameBothOperations() throws IOException {
    List<Diagnostic> errors = errors("""
        operations:
          addPet: {name: pets}
          placeOrder: {name: pets}
          getOrder: {name: listPets}
        """);

    assertThat(errors).containsExactly(
        inFile("placeOrder", "duplicate tool name 'pets' for placeOrder in " + file()
            + " (/operations/placeOrder/name): addPet has this name too"),
        inFile("getOrder", "duplicate tool name 'listPets' for getOrder in " + file()
            + " (/operations/getOrder/name): listPets has this name too"));
  }

  @Test
  void apisIsOnlyForACatalogAndItsNamespacesMustExist() throws IOException {
    Path file = overrides("apis:\n  inventory: {operations: {}}\n");

    assertThat(errors(config(SHOP, file))).containsExactly(inFile(null, "unknown API namespace 'inventory' in "
        + file + " (/apis/inventory): 'apis' is only for a service catalog, whose APIs have namespaces"));

    Path catalog = overrides("apis:\n  shopp: {}\n  shop:\n    operations: {getPetByID: {}}\n");
    GeneratorConfig namespaced = config(SHOP, catalog).withEachApi(api -> api.withNamespace("shop"));
    assertThat(errors(namespaced)).containsExactly(
        inFile(null, "unknown API namespace 'shopp' in " + catalog + " (/apis/shopp): did you mean shop?"),
        inFile(null, "unknown operationId 'getPetByID' in " + catalog
            + " (/apis/shop/operations/getPetByID): did you mean getPetById?"));
  }

  @Test
  void aMissingOverridesFileIsAnError() {
    Path missing = dir.resolve("nope.yaml");

    assertThat(errors(config(SHOP, missing))).containsExactly(new Diagnostic(Diagnostic.Severity.ERROR,
        "overrides file not found: " + missing, missing.toString(), null, null));
  }

  @Test
  void invalidYamlAndDuplicateKeysAreErrorsWithTheLine() throws IOException {
    List<Diagnostic> errors = errors("operations:\n  addPet: {title: a}\n  addPet: {title: b}\n");

    assertThat(errors).singleElement().satisfies(d -> {
      assertThat(d.file()).isEqualTo(file());
      assertThat(d.message()).startsWith("overrides file " + file() + " is not valid YAML or JSON (line 3, ")
          .contains("Duplicate field 'addPet'");
    });
  }

  @Test
  void extensionsOfTheWrongTypeAreErrorsAtTheirPlaceInTheSpec() {
    String spec = Specs.path("customize/bad-extensions.yaml").toString();
    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> Generator.run(Specs.config("customize/bad-extensions.yaml", dir.resolve("out"), "bad")));

    assertThat(e.diagnostics()).containsExactlyInAnyOrder(
        new Diagnostic(Diagnostic.Severity.ERROR, "invalid x-mcp-exclude: expected true or false", spec,
            "/paths/~1a/get/x-mcp-exclude", "getA"),
        new Diagnostic(Diagnostic.Severity.ERROR, "unknown hint 'readOnlyHnt' in x-mcp-annotations: did you mean "
            + "readOnlyHint?", spec, "/paths/~1a/get/x-mcp-annotations/readOnlyHnt", "getA"),
        new Diagnostic(Diagnostic.Severity.ERROR, "invalid x-mcp-hidden: expected true or false", spec,
            "/paths/~1a/get/parameters/0/x-mcp-hidden", "getA"),
        new Diagnostic(Diagnostic.Severity.WARNING, "unknown extension x-mcp-nmae on an operation is ignored: did "
            + "you mean x-mcp-name?", spec, "/paths/~1a/get/x-mcp-nmae", "getA"));
  }

  @Test
  void extensionValuesAreCheckedLikeOverridesAtTheirPlaceInTheSpec() {
    String spec = Specs.path("customize/bad-extension-values.yaml").toString();
    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> Generator.run(Specs.config("customize/bad-extension-values.yaml", dir.resolve("out"), "bad")));

    assertThat(e.diagnostics()).containsExactlyInAnyOrder(
        new Diagnostic(Diagnostic.Severity.ERROR, "invalid x-mcp-value of argument 'n': \"x\" is not an integer",
            spec, "/paths/~1a~1{n}/get/parameters/0/x-mcp-value", "getA"),
        new Diagnostic(Diagnostic.Severity.ERROR, "invalid x-mcp-hidden of argument 'q': the operation requires "
            + "it; give it a value or leave it visible", spec, "/paths/~1a~1{n}/get/parameters/1/x-mcp-hidden",
            "getA"), // the parser resolves the parameter's $ref, so the error points where it is used
        new Diagnostic(Diagnostic.Severity.ERROR, "invalid x-mcp-default of argument 'size': 3 is not a string",
            spec, "/paths/~1a~1{n}/get/requestBody/content/application~1json/schema/properties/size/x-mcp-default",
            "getA"),
        new Diagnostic(Diagnostic.Severity.ERROR, "invalid tool name 'b tool' for getB: a tool name may only hold "
            + "letters, digits, '_', '.' and '-'", spec, "/paths/~1b/get/x-mcp-name", "getB"),
        new Diagnostic(Diagnostic.Severity.ERROR, "duplicate tool name 'getA' for getC: getA has this name too",
            spec, "/paths/~1c/get/x-mcp-name", "getC"));
  }

  @Test
  void filterErrorsFailTheRunToo() {
    GeneratorConfig config = Specs.config(SHOP, dir.resolve("out"), "shop").withEachApi(api -> api.withFilter(
        new ToolFilter(Set.of("pets"), Set.of(), Set.of("getPetByID"), Set.of(), List.of(), List.of(), Set.of(),
            false)));

    assertThat(errors(config)).containsExactly(
        new Diagnostic(Diagnostic.Severity.ERROR, "unknown operationId 'getPetByID' in includeOperations of the "
            + "filter: did you mean getPetById?", null, null, null),
        new Diagnostic(Diagnostic.Severity.ERROR, "unknown tag 'pets' in includeTags of the filter: did you mean "
            + "pet?", null, null, null));
  }

  @Test
  void everyErrorOfARunIsReportedAtOnce() throws IOException {
    GeneratorConfig config = config(SHOP, overrides("operations:\n  getPetByID: {}\n  addPet: {nmae: x}\n"))
        .withEachApi(api -> api.withFilter(new ToolFilter(Set.of(), Set.of(), Set.of("adPet"), Set.of(), List.of(),
            List.of(), Set.of(), false)));

    assertThat(errors(config)).extracting(Diagnostic::message).containsExactlyInAnyOrder(
        "unknown key 'nmae' in " + file() + " (/operations/addPet/nmae): did you mean name?",
        "unknown operationId 'getPetByID' in " + file() + " (/operations/getPetByID): did you mean getPetById?",
        "unknown operationId 'adPet' in includeOperations of the filter: did you mean addPet?");
  }
}
