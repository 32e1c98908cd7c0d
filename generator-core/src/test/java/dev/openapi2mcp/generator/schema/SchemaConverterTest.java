package dev.openapi2mcp.generator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI → JSON Schema 2020-12 rules (issue 3, "Real-world specs", item 2). Schemas are written with single
 * quotes for readability; outputs are compared as exact text (key order too).
 */
class SchemaConverterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Diagnostics diagnostics = new Diagnostics("spec.yaml");

  private static JsonNode json(String singleQuoted) {
    try {
      return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  private static String text(String singleQuoted) {
    return json(singleQuoted).toString();
  }

  private SchemaConverter converter(boolean openApi31, String... components) {
    Map<String, JsonNode> schemas = new LinkedHashMap<>();
    for (int i = 0; i < components.length; i += 2) {
      schemas.put(components[i], json(components[i + 1]));
    }
    return new SchemaConverter(new ComponentSchemas(schemas), openApi31, Direction.INPUT, diagnostics);
  }

  private String convert30(String schema, String... components) {
    return converter(false, components).scope().convert(json(schema), "/s").toString();
  }

  private String convert31(String schema, String... components) {
    return converter(true, components).scope().convert(json(schema), "/s").toString();
  }

  @Test
  void nullableTypeBecomesAUnionWithNull() {
    assertThat(convert30("{'type':'string','nullable':true}")).isEqualTo(text("{'type':['string','null']}"));
  }

  @Test
  void nullableEnumAdmitsNull() {
    assertThat(convert30("{'type':'string','enum':['a','b'],'nullable':true}"))
        .isEqualTo(text("{'type':['string','null'],'enum':['a','b',null]}"));
    assertThat(convert30("{'enum':['a',null],'nullable':true}")).isEqualTo(text("{'enum':['a',null]}"));
  }

  @Test
  void nullableCompositionIsWrappedInAnyOf() {
    String out = convert30("{'nullable':true,'allOf':[{'$ref':'#/components/schemas/A'}]}",
        "A", "{'type':'object','properties':{'x':{'type':'integer'}}}");
    assertThat(out).isEqualTo(text(
        "{'anyOf':[{'allOf':[{'type':'object','properties':{'x':{'type':'integer'}}}]},{'type':'null'}]}"));
  }

  @Test
  void nullableIsNotAKeywordOfOpenApi31() {
    assertThat(convert31("{'type':['string','null'],'nullable':true}")).isEqualTo(text("{'type':['string','null']}"));
  }

  @Test
  void booleanExclusiveBoundsTakeTheNumericForm() {
    assertThat(convert30("{'type':'number','minimum':1,'exclusiveMinimum':true,'maximum':9,'exclusiveMaximum':true}"))
        .isEqualTo(text("{'type':'number','exclusiveMinimum':1,'exclusiveMaximum':9}"));
    assertThat(convert30("{'type':'number','minimum':1,'exclusiveMinimum':false}"))
        .isEqualTo(text("{'type':'number','minimum':1}"));
    assertThat(convert31("{'type':'number','exclusiveMinimum':3}"))
        .isEqualTo(text("{'type':'number','exclusiveMinimum':3}"));
  }

  @Test
  void exampleBecomesExamples() {
    assertThat(convert30("{'type':'integer','example':4}")).isEqualTo(text("{'type':'integer','examples':[4]}"));
    assertThat(convert30("{'type':'string','example':null}")).isEqualTo(text("{'type':'string','examples':[null]}"));
    assertThat(convert31("{'type':'integer','example':4,'examples':[5]}"))
        .isEqualTo(text("{'type':'integer','examples':[5]}"));
  }

  @Test
  void dropsOpenApiOnlyKeywordsAndExtensions() {
    assertThat(convert30("{'type':'object','xml':{'name':'p'},'externalDocs':{'url':'http://x'},"
            + "'discriminator':{'propertyName':'k'},'x-internal':true,'properties':{}}"))
        .isEqualTo(text("{'type':'object','properties':{}}"));
    assertThat(diagnostics.all()).isEmpty();
  }

  @Test
  void warnsWhenDroppingKeywordsThatWouldRebaseReferences() {
    assertThat(convert31("{'$id':'http://x/s','type':'string'}")).isEqualTo(text("{'type':'string'}"));
    assertThat(diagnostics.all()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
      assertThat(d.pointer()).isEqualTo("/s/$id");
      assertThat(d.message()).contains("$id");
    });
  }

  @Test
  void leavesReadOnlyPropertiesOutOfInputSchemas() {
    String out = convert30("{'type':'object','required':['id','name','ref'],'properties':{"
            + "'id':{'type':'integer','readOnly':true},'name':{'type':'string'},"
            + "'ref':{'$ref':'#/components/schemas/Stamp'},'secret':{'type':'string','writeOnly':true}}}",
        "Stamp", "{'type':'string','readOnly':true}");
    assertThat(out).isEqualTo(text("{'type':'object','properties':{'name':{'type':'string'},"
        + "'secret':{'type':'string','writeOnly':true}},'required':['name']}"));
  }

  @Test
  void everyArrayGetsItems() {
    assertThat(convert30("{'type':'array'}")).isEqualTo(text("{'type':'array','items':{}}"));
    assertThat(convert31("{'type':['array','null']}")).isEqualTo(text("{'type':['array','null'],'items':{}}"));
    assertThat(convert30("{'type':'object','properties':{'tags':{'type':'array','items':{'type':'array'}}}}"))
        .isEqualTo(text("{'type':'object','properties':{'tags':{'type':'array','items':{'type':'array','items':{}}}}}"));
    assertThat(convert31("{'type':'array','prefixItems':[{'type':'string'}]}"))
        .isEqualTo(text("{'type':'array','prefixItems':[{'type':'string'}]}"));
  }

  @Test
  void inlinesReferencesToNonRecursiveComponents() {
    SchemaScope scope = converter(false, "Tag", "{'type':'object','properties':{'name':{'type':'string'}}}").scope();
    JsonNode out = scope.convert(json("{'type':'array','items':{'$ref':'#/components/schemas/Tag'}}"), "/s");
    assertThat(out.toString())
        .isEqualTo(text("{'type':'array','items':{'type':'object','properties':{'name':{'type':'string'}}}}"));
    assertThat(scope.defs().isEmpty()).isTrue();
  }

  @Test
  void recursiveComponentsGoToDefs() {
    SchemaScope scope = converter(false,
        "Node", "{'type':'object','properties':{'value':{'type':'string'},"
            + "'children':{'type':'array','items':{'$ref':'#/components/schemas/Node'}}}}").scope();

    JsonNode out = scope.convert(json("{'$ref':'#/components/schemas/Node'}"), "/s");

    assertThat(out.toString()).isEqualTo(text("{'$ref':'#/$defs/Node'}"));
    assertThat(scope.defs().toString()).isEqualTo(text("{'Node':{'type':'object','properties':{"
        + "'value':{'type':'string'},'children':{'type':'array','items':{'$ref':'#/$defs/Node'}}}}}"));
  }

  @Test
  void mutuallyRecursiveComponentsAreAllDefinedAndOthersInlined() {
    SchemaScope scope = converter(false,
        "A", "{'type':'object','properties':{'b':{'$ref':'#/components/schemas/B'}}}",
        "B", "{'type':'object','properties':{'a':{'$ref':'#/components/schemas/A'},"
            + "'c':{'$ref':'#/components/schemas/C'}}}",
        "C", "{'type':'string'}",
        "Holder", "{'type':'object','properties':{'a':{'$ref':'#/components/schemas/A'}}}").scope();

    JsonNode out = scope.convert(json("{'$ref':'#/components/schemas/Holder'}"), "/s");

    assertThat(out.toString()).isEqualTo(text("{'type':'object','properties':{'a':{'$ref':'#/$defs/A'}}}"));
    assertThat(scope.defs().toString()).isEqualTo(text("{"
        + "'A':{'type':'object','properties':{'b':{'$ref':'#/$defs/B'}}},"
        + "'B':{'type':'object','properties':{'a':{'$ref':'#/$defs/A'},'c':{'type':'string'}}}}"));
  }

  @Test
  void keysComeOutInOneOrderWhateverTheInputOrder() {
    String a = convert30("{'required':['x'],'properties':{'x':{'type':'string'}},'description':'d','type':'object'}");
    String b = convert30("{'type':'object','description':'d','properties':{'x':{'type':'string'}},'required':['x']}");
    assertThat(a).isEqualTo(b)
        .isEqualTo(text("{'type':'object','description':'d','properties':{'x':{'type':'string'}},'required':['x']}"));
  }

  @Test
  void annotationsBesideA31RefOverrideAndAssertionsCombine() {
    String[] pet = {"Pet", "{'type':'object','description':'A pet','properties':{'name':{'type':'string'}}}"};
    assertThat(convert31("{'$ref':'#/components/schemas/Pet','description':'The new pet'}", pet))
        .isEqualTo(text("{'type':'object','description':'The new pet','properties':{'name':{'type':'string'}}}"));
    assertThat(convert31("{'$ref':'#/components/schemas/Pet','required':['name']}", pet))
        .isEqualTo(text("{'required':['name'],'allOf':[{'type':'object','description':'A pet',"
            + "'properties':{'name':{'type':'string'}}}]}"));
    // OpenAPI 3.0 ignores siblings of $ref.
    assertThat(convert30("{'$ref':'#/components/schemas/Pet','description':'ignored'}", pet))
        .isEqualTo(text("{'type':'object','description':'A pet','properties':{'name':{'type':'string'}}}"));
  }

  @Test
  void aReferenceItCannotFollowBecomesAnEmptySchemaWithAWarning() {
    assertThat(convert30("{'$ref':'other.yaml#/Pet'}")).isEqualTo("{}");
    assertThat(diagnostics.warnings()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("other.yaml#/Pet"));
  }

  @Test
  void componentWarningsAreReportedOnceHoweverOftenItIsUsed() {
    SchemaConverter converter = converter(true, "A", "{'$schema':'x','type':'string'}");
    for (int i = 0; i < 3; i++) {
      converter.scope().convert(json("{'$ref':'#/components/schemas/A'}"), "/s" + i);
    }
    assertThat(diagnostics.warnings()).singleElement()
        .satisfies(d -> assertThat(d.pointer()).isEqualTo("/components/schemas/A/$schema"));
  }

  @Test
  void componentNamesInReferencesAreDecoded() {
    assertThat(ComponentSchemas.componentName("#/components/schemas/a~1b%20c+d")).isEqualTo("a/b c+d");
    assertThat(ComponentSchemas.componentName("#/components/schemas/Pet/properties/name")).isNull();
    assertThat(ComponentSchemas.componentName("other.yaml#/Pet")).isNull();
  }

  @Test
  void defsReferencesEscapeTheName() {
    assertThat(SchemaScope.defsReference("a/b~c d")).isEqualTo("#/$defs/a~1b~0c%20d");
  }
  @Test
  void compositionKeywordsAreKept() {
    assertThat(convert30("{'allOf':[{'type':'object'}],'oneOf':[{'required':['a']},{'required':['b']}],"
            + "'anyOf':[{'type':'object'}],'not':{'required':['c']}}"))
        .isEqualTo(text("{'allOf':[{'type':'object'}],'oneOf':[{'required':['a']},{'required':['b']}],"
            + "'anyOf':[{'type':'object'}],'not':{'required':['c']}}"));
  }

  private static final String[] CAT_AND_DOG = {
      "Cat", "{'type':'object','properties':{'kind':{'type':'string'},'purrs':{'type':'boolean'}}}",
      "Dog", "{'type':'object','properties':{'kind':{'type':'string'},'barks':{'type':'boolean'}}}"};

  @Test
  void aDiscriminatorMappingConstrainsItsPropertyInEachBranch() {
    assertThat(convert30("{'oneOf':[{'$ref':'#/components/schemas/Cat'},{'$ref':'#/components/schemas/Dog'}],"
            + "'discriminator':{'propertyName':'kind','mapping':{'cat':'#/components/schemas/Cat',"
            + "'dog':'#/components/schemas/Dog'}}}", CAT_AND_DOG))
        .isEqualTo(text("{'oneOf':["
            + "{'allOf':[" + CAT_AND_DOG[1] + ",{'properties':{'kind':{'const':'cat'}},'required':['kind']}]},"
            + "{'allOf':[" + CAT_AND_DOG[3] + ",{'properties':{'kind':{'const':'dog'}},'required':['kind']}]}]}"));
  }

  @Test
  void aDiscriminatorWithoutMappingSelectsByComponentName() {
    assertThat(convert30("{'anyOf':[{'$ref':'#/components/schemas/Cat'},{'$ref':'#/components/schemas/Dog'}],"
            + "'discriminator':{'propertyName':'kind'}}", CAT_AND_DOG))
        .isEqualTo(text("{'anyOf':["
            + "{'allOf':[" + CAT_AND_DOG[1] + ",{'properties':{'kind':{'const':'Cat'}},'required':['kind']}]},"
            + "{'allOf':[" + CAT_AND_DOG[3] + ",{'properties':{'kind':{'const':'Dog'}},'required':['kind']}]}]}"));
  }

  @Test
  void severalMappingValuesForOneBranchBecomeAnEnumAndBareNamesMapToo() {
    assertThat(convert30("{'oneOf':[{'$ref':'#/components/schemas/Cat'},{'$ref':'#/components/schemas/Dog'}],"
            + "'discriminator':{'propertyName':'kind','mapping':{'tabby':'Cat','siamese':'#/components/schemas/Cat'}}}",
            CAT_AND_DOG))
        .isEqualTo(text("{'oneOf':["
            + "{'allOf':[" + CAT_AND_DOG[1] + ",{'properties':{'kind':{'enum':['tabby','siamese']}},"
            + "'required':['kind']}]},"
            + "{'allOf':[" + CAT_AND_DOG[3] + ",{'properties':{'kind':{'const':'Dog'}},'required':['kind']}]}]}"));
  }

  @Test
  void aDiscriminatorLeavesInlineBranchesAlone() {
    assertThat(convert30("{'oneOf':[{'type':'object','properties':{'kind':{'type':'string'}}},"
            + "{'$ref':'#/components/schemas/Dog'}],'discriminator':{'propertyName':'kind'}}", CAT_AND_DOG))
        .isEqualTo(text("{'oneOf':[{'type':'object','properties':{'kind':{'type':'string'}}},"
            + "{'allOf':[" + CAT_AND_DOG[3] + ",{'properties':{'kind':{'const':'Dog'}},'required':['kind']}]}]}"));
  }

  @Test
  void aDiscriminatedRecursiveBranchKeepsItsDefsReference() {
    SchemaScope scope = converter(false,
        "Folder", "{'type':'object','properties':{'kind':{'type':'string'},"
            + "'items':{'type':'array','items':{'$ref':'#/components/schemas/Entry'}}}}",
        "Entry", "{'oneOf':[{'$ref':'#/components/schemas/Folder'}],'discriminator':{'propertyName':'kind'}}")
        .scope();

    assertThat(scope.convert(json("{'$ref':'#/components/schemas/Entry'}"), "/s").toString())
        .isEqualTo(text("{'$ref':'#/$defs/Entry'}"));
    assertThat(scope.defs().path("Entry").toString()).isEqualTo(text("{'oneOf':[{'allOf':["
        + "{'$ref':'#/$defs/Folder'},{'properties':{'kind':{'const':'Folder'}},'required':['kind']}]}]}"));
  }
}
