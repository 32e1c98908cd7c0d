package dev.openapi2mcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: what the real-world corpus broke, each on a small hand-made spec, one behaviour per test. The corpus run
 * ({@code -Pcorpus}) finds these; these tests keep them fixed in the default build.
 */
class RealWorldRegressionTest {
  @TempDir
  Path dir;

  private GeneratedServer generate(String serverName, String spec) throws Exception {
    Path file = dir.resolve(serverName + ".yaml");
    Files.writeString(file, spec, StandardCharsets.UTF_8);
    return GeneratedServer.of(new GeneratorConfig(file.toString(), dir.resolve("out"), Specs.PACKAGE, serverName));
  }

  /** Issue 3 (DigitalOcean): a parameter may be a $ref to another operation's parameter, not only to components. */
  @Test
  void aParameterReferringToAnotherOperationsParameterIsResolved() throws Exception {
    GeneratedServer server = generate("refs", """
        openapi: 3.0.3
        info: {title: Refs, version: "1"}
        servers: [{url: "https://refs.example.com"}]
        paths:
          /keys:
            get:
              operationId: listKeys
              parameters:
                - {name: per_page, in: query, schema: {type: integer, minimum: 1}}
                - {name: page, in: query, schema: {type: integer}}
              responses: {"200": {description: ok}}
          /actions:
            get:
              operationId: listActions
              parameters:
                - $ref: "#/paths/~1keys/get/parameters/0"
                - $ref: "#/paths/~1keys/get/parameters/1"
              responses: {"200": {description: ok}}
        """);

    assertThat(server.tool("listActions").http().parameters()).extracting(ParameterBinding::name,
        ParameterBinding::location).containsExactly(
            org.assertj.core.groups.Tuple.tuple("per_page", ParameterLocation.QUERY),
            org.assertj.core.groups.Tuple.tuple("page", ParameterLocation.QUERY));
    JsonNode perPage = server.schema("listActions").path("properties").path("per_page");
    assertThat(perPage.path("type").asText()).isEqualTo("integer");
    assertThat(perPage.path("minimum").asInt()).isEqualTo(1);
  }

  /** Issue 3 (opensuse.org): the pointer of such a $ref may be percent-encoded, as URI fragments are. */
  @Test
  void aPercentEncodedReferenceToAPathParameterIsResolved() throws Exception {
    GeneratedServer server = generate("encoded", """
        openapi: 3.0.3
        info: {title: Encoded, version: "1"}
        servers: [{url: "https://encoded.example.com"}]
        paths:
          /attribute/{namespace}:
            get:
              operationId: getNamespace
              parameters:
                - {name: namespace, in: path, required: true, schema: {type: string}}
              responses: {"200": {description: ok}}
          /attribute/{namespace}/meta:
            get:
              operationId: getMeta
              parameters:
                - $ref: "#/paths/~1attribute~1%7Bnamespace%7D/get/parameters/0"
              responses: {"200": {description: ok}}
        """);

    assertThat(server.tool("getMeta").http().parameters()).extracting(ParameterBinding::name,
        ParameterBinding::location).containsExactly(
            org.assertj.core.groups.Tuple.tuple("namespace", ParameterLocation.PATH));
    assertThat(server.schema("getMeta").path("required")).extracting(JsonNode::asText).containsExactly("namespace");
  }

  /** Issue 3 (DigitalOcean): a discriminator mapping that names a missing file is dropped with a warning. */
  @Test
  void aDiscriminatorMappingToAMissingFileIsIgnoredWithAWarning() throws Exception {
    GeneratedServer server = generate("records", """
        openapi: 3.0.3
        info: {title: Records, version: "1"}
        servers: [{url: "https://records.example.com"}]
        paths:
          /records:
            post:
              operationId: createRecord
              requestBody:
                content:
                  application/json:
                    schema:
                      oneOf:
                        - {$ref: "#/components/schemas/A"}
                        - {$ref: "#/components/schemas/MX"}
                      discriminator:
                        propertyName: type
                        mapping:
                          A: "models/record_types.yml#/record_a"
                          MX: "#/components/schemas/MX"
              responses: {"201": {description: created}}
        components:
          schemas:
            A: {type: object, properties: {type: {type: string}, ip: {type: string}}}
            MX: {type: object, properties: {type: {type: string}, priority: {type: integer}}}
        """);

    assertThat(server.toolNames()).containsExactly("createRecord");
    assertThat(server.result().warnings()).anySatisfy(w -> {
      assertThat(w.message()).contains("discriminator mapping 'A'", "models/record_types.yml#/record_a");
      assertThat(w.pointer()).isEqualTo(
          "/paths/~1records/post/requestBody/content/application~1json/schema/discriminator/mapping/A");
    });
    assertThat(server.result().warnings()).noneMatch(w -> w.message().contains("'MX'"));
  }

  /** Issue 3 (crediwatch.com, ticketmaster.com): a default that does not fit its type is a warning, not an error. */
  @Test
  void aDefaultOfTheWrongTypeIsAWarning() throws Exception {
    GeneratedServer server = generate("defaults", """
        openapi: 3.0.3
        info: {title: Defaults, version: "1"}
        servers: [{url: "https://defaults.example.com"}]
        paths:
          /find:
            get:
              operationId: find
              parameters:
                - {name: kind, in: query, schema: {type: array, items: {type: string}, default: "music"}}
                - {name: label, in: query, schema: {type: string, default: ["none"]}}
              responses: {"200": {description: ok}}
        """);

    assertThat(server.toolNames()).containsExactly("find");
    assertThat(server.result().warnings()).filteredOn(w -> w.message().contains("default is not of type"))
        .hasSize(2);
    assertThat(server.schema("find").path("properties").path("kind").path("type").asText()).isEqualTo("array");
  }

  /** Issue 3 (nexmo.com): a schema may be a $ref into a response component, not only to a schema component. */
  @Test
  void aSchemaReferringIntoAResponseComponentIsResolved() throws Exception {
    GeneratedServer server = generate("deep", """
        openapi: 3.0.3
        info: {title: Deep, version: "1"}
        servers: [{url: "https://deep.example.com"}]
        paths:
          /transfer:
            post:
              operationId: transfer
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/responses/Error/content/application~1json/schema"}
              responses:
                "404": {$ref: "#/components/responses/Error"}
        components:
          responses:
            Error:
              description: not found
              content:
                application/json:
                  schema: {type: object, properties: {code: {type: integer}}, required: [code]}
        """);

    JsonNode schema = server.schema("transfer");
    assertThat(schema.toString()).contains("\"code\"");
    assertThat(server.result().warnings()).noneMatch(w -> w.message().contains("not of expected type"));
  }

  /** Issue 3 (swaggerhub.com): a response that is a $ref to a schema is read as JSON content of that schema. */
  @Test
  void aResponseReferringToASchemaIsReadAsJsonContentWithAWarning() throws Exception {
    GeneratedServer server = generate("misdirected", """
        openapi: 3.0.3
        info: {title: Misdirected, version: "1"}
        servers: [{url: "https://misdirected.example.com"}]
        paths:
          /standards:
            get:
              operationId: getStandards
              responses:
                "200": {description: ok}
                "400": {$ref: "#/components/schemas/BadRequest"}
        components:
          schemas:
            BadRequest: {type: object, properties: {message: {type: string}}}
        """);

    assertThat(server.toolNames()).containsExactly("getStandards");
    assertThat(server.result().warnings()).anySatisfy(w -> {
      assertThat(w.message()).contains("a response refers to the schema '#/components/schemas/BadRequest'");
      assertThat(w.pointer()).isEqualTo("/paths/~1standards/get/responses/400");
    });
  }

  /** Issue 3 (rumble.run): a schema that is a $ref to a response without content is read as any value. */
  @Test
  void aSchemaReferringToAResponseIsReadAsItsContentSchemaWithAWarning() throws Exception {
    GeneratedServer server = generate("status", """
        openapi: 3.0.3
        info: {title: Status, version: "1"}
        servers: [{url: "https://status.example.com"}]
        paths:
          /tags:
            patch:
              operationId: updateTags
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {tags: {$ref: "#/components/responses/Tags"}}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/responses/StatusMessage"}
        components:
          responses:
            StatusMessage: {description: Summary of operation results}
            Tags:
              description: tags
              content:
                application/json:
                  schema: {type: array, items: {type: string}}
        """);

    assertThat(server.toolNames()).containsExactly("updateTags");
    assertThat(server.schema("updateTags").toString()).contains("\"tags\":{\"type\":\"array\"");
    assertThat(server.result().warnings()).extracting(w -> w.pointer()).contains(
        "/paths/~1tags/patch/requestBody/content/application~1json/schema/properties/tags",
        "/paths/~1tags/patch/responses/200/content/application~1json/schema");
  }

  /** Issue 3 (zeit.co): a contact URL the parser does not accept is a warning; no tool uses it. */
  @Test
  void anUnacceptableContactUrlIsAWarning() throws Exception {
    GeneratedServer server = generate("contact", """
        openapi: 3.0.3
        info:
          title: Contact
          version: "1"
          contact: {name: Someone, url: "zeit.co"}
        servers: [{url: "https://contact.example.com"}]
        paths:
          /ping:
            get:
              operationId: ping
              responses: {"200": {description: ok}}
        """);

    assertThat(server.toolNames()).containsExactly("ping");
    assertThat(server.result().warnings()).anySatisfy(w -> assertThat(w.message()).startsWith("info.contact."));
  }

  /** Issue 3 (sinao.app): a default that is no date-time ("now") for a date-time string is a warning too. */
  @Test
  void aDefaultThatIsNoDateTimeIsAWarning() throws Exception {
    GeneratedServer server = generate("dates", """
        openapi: 3.0.3
        info: {title: Dates, version: "1"}
        servers: [{url: "https://dates.example.com"}]
        paths:
          /vat:
            get:
              operationId: getVat
              parameters:
                - {name: start_at, in: query, schema: {type: string, format: date-time, default: now}}
              responses: {"200": {description: ok}}
        """);

    assertThat(server.toolNames()).containsExactly("getVat");
    assertThat(server.result().warnings()).anySatisfy(w -> assertThat(w.message())
        .endsWith("default=`now` is not of type `date-time`"));
  }

  /** Issue 3 (ijenko.net): a pattern that is no regular expression is dropped with a warning at its location. */
  @Test
  void aPatternThatDoesNotCompileIsDroppedWithAWarning() throws Exception {
    GeneratedServer server = generate("patterns", """
        openapi: 3.0.3
        info: {title: Patterns, version: "1"}
        servers: [{url: "https://patterns.example.com"}]
        paths:
          /run:
            post:
              operationId: run
              parameters:
                - {name: octet, in: query, schema: {type: string, pattern: "^1[0-9]{,2}$"}}
                - {name: code, in: query, schema: {type: string, pattern: "^[A-Z]{2}[0-9]{0,2}$"}}
              responses: {"200": {description: ok}}
        """);

    JsonNode properties = server.schema("run").path("properties");
    assertThat(properties.path("octet").has("pattern")).isFalse();
    assertThat(properties.path("code").path("pattern").asText()).isEqualTo("^[A-Z]{2}[0-9]{0,2}$");
    assertThat(server.result().warnings()).anySatisfy(w -> {
      assertThat(w.message()).isEqualTo("pattern \"^1[0-9]{,2}$\" is not a regular expression; dropped");
      assertThat(w.pointer()).endsWith("/pattern");
    });
  }

  /**
   * Issue 3 (codat.io): references from a component schema into a parameter and into the schema's own
   * {@code definitions} are resolved. (What made swagger-parser read codat's unrepaired file again, when given its
   * location, did not show in a spec this small; the corpus run with {@code -Dcorpus.set=random-600
   * -Dcorpus.seed=29} covers it.)
   */
  @Test
  void referencesFromAComponentSchemaIntoAParameterAndItsOwnDefinitionsAreResolved() throws Exception {
    GeneratedServer server = generate("push", """
        openapi: 3.0.3
        info: {title: Push, version: "1"}
        servers: [{url: "https://push.example.com"}]
        paths:
          /companies/{companyId}/push:
            post:
              operationId: push
              parameters: [{$ref: "#/components/parameters/companyId"}]
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/PushOperation"}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/PushResponse"}
        components:
          parameters:
            companyId:
              {name: companyId, in: path, required: true, schema: {type: string, format: uuid}}
          schemas:
            PushOperation:
              type: object
              definitions:
                change: {type: object, properties: {kind: {type: string, enum: [Created, Deleted]}}}
              properties:
                owner: {$ref: "#/components/parameters/companyId/schema"}
                changes: {type: array, items: {$ref: "#/components/schemas/PushOperation/definitions/change"}}
            PushResponse:
              allOf:
                - {type: object, properties: {data: {type: string}}}
                - {$ref: "#/components/schemas/PushOperation"}
        """);

    JsonNode body = server.schema("push").path("properties");
    assertThat(body.toString()).contains("\"format\":\"uuid\"", "\"enum\":[\"Created\",\"Deleted\"]");
  }

  /**
   * Issue 3 (GitHub): references inside extensions and examples are data, not structure; the repairs leave them
   * alone and warn about nothing.
   */
  @Test
  void referencesInsideExtensionsAndExamplesAreLeftAlone() throws Exception {
    GeneratedServer server = generate("extensions", """
        openapi: 3.0.3
        info: {title: Extensions, version: "1"}
        servers: [{url: "https://extensions.example.com"}]
        paths:
          /orgs/{org}:
            delete:
              operationId: deleteOrg
              parameters: [{name: org, in: path, required: true, schema: {type: string}}]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties: {note: {type: object, example: {$ref: "#/components/responses/Failed"}}}
              responses:
                "204": {description: deleted}
              x-breaking-changes:
                - patch: {responses: {"451": {$ref: "#/components/responses/Failed"}}}
        components:
          responses:
            Failed: {description: failed}
        """);

    assertThat(server.result().warnings()).isEmpty();
    assertThat(server.schema("deleteOrg").path("properties").path("note").path("examples").get(0)
        .path("$ref").asText()).isEqualTo("#/components/responses/Failed");
  }
}
