package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.generator.tool.ListingOptions;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ToolAnnotations;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annotations, descriptions and security of generated tools. */
class ToolShapeTest {
  @TempDir
  Path out;

  @Test
  void annotationsFollowTheHttpMethod() throws GenerationException {
    // Titles kept, so that each hint set is seen beside its operation's summary.
    GeneratedServer server = GeneratedServer.of(Specs.config("methods.yaml", out, "methods")
        .withListing(ListingOptions.DEFAULT.withRepeatedTitles(true)));

    assertThat(server.definition().tools()).extracting(ToolDefinition::annotations).containsExactly(
        new ToolAnnotations("List items", true, false, true, true),
        new ToolAnnotations("Replace items", false, true, true, true),
        new ToolAnnotations("Add an item", false, false, false, true),
        new ToolAnnotations("Remove items", false, true, true, true),
        new ToolAnnotations(null, true, false, true, true),
        new ToolAnnotations(null, true, false, true, true),
        new ToolAnnotations("Change items", false, true, false, true),
        new ToolAnnotations(null, true, false, true, true));
    assertThat(server.definition().tools()).extracting(t -> t.http().method())
        .containsExactly("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE");
  }

  @Test
  void theDefaultDescriptionFallsBackToMethodAndPath() throws GenerationException {
    GeneratedServer server = GeneratedServer.of("methods.yaml", out, "methods");

    assertThat(server.tool("getItems").description()).isEqualTo("List items");
    assertThat(server.tool("headItems").description()).isEqualTo("HEAD /items");
  }

  @Test
  void aUserTemplateWritesEveryDescription(@TempDir Path templates) throws Exception {
    Path template = templates.resolve("tool.txt");
    Files.writeString(template, "{{method}} {{path}}{{#summary}}: {{summary}}{{/summary}}\n\n\n(id {{operationId}})\n");

    GeneratedServer server = GeneratedServer.of(new GeneratorConfig(Specs.path("methods.yaml").toString(), out,
        Specs.PACKAGE, "methods", template, 64));

    assertThat(server.tool("getItems").description()).isEqualTo("GET /items: List items\n\n(id getItems)");
    assertThat(server.tool("traceItems").description()).isEqualTo("TRACE /items\n\n(id traceItems)");
  }

  @Test
  void securityRequirementsAndTheSchemesTheyUse() throws GenerationException {
    GeneratedServer server = GeneratedServer.of("security.yaml", out, "secure");

    assertThat(server.tool("usesGlobal").http().security()).containsExactly(List.of("bearerAuth"));
    // Optional authentication goes last, so that configured credentials are sent.
    assertThat(server.tool("optionalAuth").http().security())
        .containsExactly(List.of("queryKey", "cookieKey"), List.of());
    assertThat(server.tool("publicOp").http().security()).isEmpty();
    // The mutualTLS alternative cannot be served and is left out, with a warning.
    assertThat(server.tool("basicOrOidc").http().security()).containsExactly(List.of("basicAuth"), List.of("oidc"));
    assertThat(server.result().warnings()).extracting(Diagnostic::message)
        .contains("security scheme mtls of type mutualTLS is not supported; requirements naming it are left out");
    // Only schemes some tool uses, sorted by name.
    assertThat(server.definition().securitySchemes()).containsExactly(
        SecurityScheme.basic("basicAuth"),
        SecurityScheme.bearer("bearerAuth"),
        SecurityScheme.apiKey("cookieKey", ParameterLocation.COOKIE, "session"),
        SecurityScheme.openIdConnect("oidc"),
        SecurityScheme.apiKey("queryKey", ParameterLocation.QUERY, "api_key"));
    // A relative server URL of a local file cannot be resolved: no base URL, and a warning saying so.
    assertThat(server.definition().baseUrl()).isNull();
    assertThat(server.result().warnings()).extracting(Diagnostic::pointer).contains("/servers/0/url");
  }

  @Test
  void aClientCredentialsFlowGivesTheRuntimeItsTokenUrlAndScopes() throws GenerationException {
    // Issue 5: the runtime fetches tokens itself for oauth2 schemes with a clientCredentials flow.
    GeneratedServer server = GeneratedServer.of("oauth-client-credentials.yaml", out, "inventory");

    assertThat(server.definition().securitySchemes()).containsExactly(
        SecurityScheme.oauth2("interactive"),
        SecurityScheme.oauth2("machine", "https://login.example.com/oauth/token", "inventory:read",
            "inventory:write"));
  }
}
