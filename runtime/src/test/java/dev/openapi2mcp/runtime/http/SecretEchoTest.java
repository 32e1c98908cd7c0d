package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.testing.Canary;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.CallChannel;
import dev.openapi2mcp.runtime.tool.InboundHeaders;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets an API echoes do not leave the server in any encoding (issue 11, item 8): an upstream that sends a
 * credential back JSON-escaped ({@code \/}, {@code \}{@code u00XX}), percent-encoded with lower-case hex, or in
 * base64 (alone or inside longer base64 data) must not get it into the result text, the structured content (which
 * used to be parsed from the scrubbed text, so that JSON escapes came out in clear) or the audit trail; nor may it
 * pass on a token the server obtained (client credentials, token exchange).
 */
class SecretEchoTest {
  private static final String HEADER_KEY = "hdr/K3y+Canary=1234";
  private static final String QUERY_KEY = "qry Key/Canary-5678";
  private static final String COOKIE_KEY = "ck/Canary.9012-ab";
  private static final String BEARER = "jwt/Canary~tok3n-XY";
  private static final String USER = "alice";
  private static final String PASSWORD = "pw/Canary:pass 77";
  private static final String CLIENT_SECRET = "client/Canary-s3cret";

  private static final Map<String, String> ENVIRONMENT = Map.of(
      "PETSTORE_API_KEY", HEADER_KEY, "PETSTORE_QUERY_KEY", QUERY_KEY, "PETSTORE_COOKIE_KEY", COOKIE_KEY,
      "PETSTORE_JWT_TOKEN", BEARER, "PETSTORE_BASIC_USERNAME", USER, "PETSTORE_BASIC_PASSWORD", PASSWORD);

  private static final ToolDefinition TOOL = ToolDefinition.builder("getPet").http("GET", "/pet")
      .parameter(ParameterBinding.query("q", "q", false))
      .outputSchema("{\"type\":\"object\"}")
      .security("api_key,query-key,cookieKey,jwt")
      .build();

  private final Harness harness = new Harness();
  private final MockWebServer tokenServer = new MockWebServer();

  @AfterEach
  void close() {
    harness.close();
    tokenServer.close();
  }

  private static ServerDefinition server(SecurityScheme... extra) {
    ServerDefinition.Builder builder = ServerDefinition.builder("petstore")
        .securityScheme(SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "api_key"))
        .securityScheme(SecurityScheme.apiKey("query-key", ParameterLocation.QUERY, "key"))
        .securityScheme(SecurityScheme.apiKey("cookieKey", ParameterLocation.COOKIE, "sid"))
        .securityScheme(SecurityScheme.bearer("jwt"))
        .securityScheme(SecurityScheme.basic("basic"));
    for (SecurityScheme scheme : extra) {
      builder.securityScheme(scheme);
    }
    return builder.tool(TOOL).build();
  }

  /** A JSON object that holds {@code secrets} in every form, as values, inside base64 data and as names. */
  static String echo(List<String> secrets) {
    ObjectNode body = Harness.JSON.createObjectNode().put("id", 42).put("name", "Rex");
    ArrayNode values = body.putArray("echo");
    body.putObject("names");
    for (String secret : secrets) {
      Canary.encodings(secret).values().forEach(values::add);
      for (String prefix : List.of("", "x", "xy")) {
        values.add(Canary.base64Within(prefix + "w", secret, "tail", false));
        values.add(Canary.base64Within(prefix + "w", secret, "tail", true));
      }
    }
    // Written by hand: the escaped forms must reach the API's JSON text as escapes, not as the characters.
    List<String> named = new java.util.ArrayList<>();
    for (String secret : secrets) {
      Map<String, String> forms = Canary.encodings(secret);
      named.add("\"a-" + forms.get("JSON with escaped slashes") + "\":1");
      named.add("\"b-" + forms.get("JSON \\u escapes, lower-case hex") + "\":2");
      named.add("\"v-" + secret.length() + "\":\"" + forms.get("JSON \\u escapes, upper-case hex") + "\"");
    }
    String text = body.toString();
    return text.substring(0, text.length() - "{}}".length()) + "{" + String.join(",", named) + "}}";
  }

  /** Everything the caller and the operator see of one call: texts, structured content, audit lines. */
  private String everythingShown(ToolResult result) throws Exception {
    return Harness.text(result) + "\n" + Harness.JSON.writeValueAsString(result.structuredContent()) + "\n"
        + String.join("\n", harness.audit);
  }

  private static void assertNoSecret(String shown, String... secrets) {
    Canary.assertAbsent(shown, secrets);
    Canary.assertAbsent(shown, USER + ":" + PASSWORD);
  }

  @Test
  void configuredCredentialsEchoedInAnyFormAreRemovedFromTextStructuredContentAndAudit() throws Exception {
    String[] secrets = {HEADER_KEY, QUERY_KEY, COOKIE_KEY, BEARER, PASSWORD};
    harness.enqueueJson(200, echo(List.of(HEADER_KEY, QUERY_KEY, COOKIE_KEY, BEARER, PASSWORD, USER + ":"
        + PASSWORD)));
    // A model copied a key, base64-encoded, into a harmless argument: the audit line shows it in the URL.
    String copied = Canary.base64(HEADER_KEY, false, true) + " " + Canary.percent(QUERY_KEY, false, false);

    ToolResult result = harness.executor(server(), ENVIRONMENT)
        .execute(TOOL, Harness.args("{\"q\":" + Harness.JSON.valueToTree(copied) + "}"), Harness.CONTEXT);

    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    assertThat(result.structuredContent()).as("structured content is kept").isNotNull();
    String shown = everythingShown(result);
    assertNoSecret(shown, secrets);
    assertThat(result.structuredContent().get("id").asInt()).isEqualTo(42);
    assertThat(result.structuredContent().get("name").asText()).isEqualTo("Rex");
    assertThat(Harness.text(result)).contains("\"id\":42", "\"name\":\"Rex\"", "***");
  }

  @Test
  void echoesInPlainTextAndErrorBodiesAreRemovedToo() throws Exception {
    String body = echo(List.of(HEADER_KEY, PASSWORD, USER + ":" + PASSWORD));
    harness.enqueue(200, body.substring(0, Math.min(body.length(), 100_000)));
    harness.server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "text/plain")
        .body(body.substring(0, Math.min(body.length(), ResponseMapper.ERROR_EXCERPT_BYTES))).build());
    RestToolExecutor executor = harness.executor(server(), ENVIRONMENT);

    ToolResult text = executor.execute(TOOL, Harness.args("{}"), Harness.CONTEXT);
    ToolResult error = executor.execute(TOOL, Harness.args("{}"), Harness.CONTEXT);

    assertThat(error.isError()).isTrue();
    assertNoSecret(everythingShown(text) + everythingShown(error), HEADER_KEY, PASSWORD);
    assertThat(Harness.text(text)).contains("Rex");
  }

  /** An API that answers every request with the bearer token it received, in every form. */
  private void echoTheBearerToken() {
    harness.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String token = request.getHeaders().get("Authorization").substring("Bearer ".length());
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(echo(List.of(token))).build();
      }
    });
  }

  private void issueTokens(String token) throws Exception {
    tokenServer.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + token.replace("/", "\\/") + "\",\"token_type\":\"Bearer\","
            + "\"expires_in\":3600}").build());
    tokenServer.start();
  }

  private static final ToolDefinition LIST_PETS = ToolDefinition.builder("listPets").http("GET", "/pets")
      .outputSchema("{\"type\":\"object\"}").security("token").build();

  /** Calls {@link #LIST_PETS} once against the echoing API and checks that no secret came back. */
  private void assertEchoRemoved(SecurityScheme scheme, UpstreamOptions upstream, CallContext context,
      String... secrets) throws Exception {
    ServerDefinition definition = ServerDefinition.builder("petstore").securityScheme(scheme).tool(LIST_PETS).build();
    try (RestToolExecutor executor = RestToolExecutor.create(definition, harness.baseUrl(), harness.options(),
        upstream)) {
      ToolResult result = executor.execute(LIST_PETS, Harness.args("{}"), context);

      assertThat(result.isError()).as(Harness.text(result)).isFalse();
      assertNoSecret(everythingShown(result), secrets);
      assertThat(result.structuredContent().get("name").asText()).isEqualTo("Rex");
    }
  }

  @Test
  void aClientCredentialsTokenEchoedByTheApiIsRemoved() throws Exception {
    String token = "cc/Canary-access-token-1";
    issueTokens(token);
    echoTheBearerToken();

    assertEchoRemoved(SecurityScheme.oauth2("token", tokenServer.url("/token").toString(), "read"),
        UpstreamOptions.environment(Map.of("PETSTORE_TOKEN_CLIENT_ID", "me",
            "PETSTORE_TOKEN_CLIENT_SECRET", CLIENT_SECRET)), Harness.CONTEXT, token, CLIENT_SECRET);
  }

  @Test
  void anExchangedTokenEchoedByTheApiIsRemoved() throws Exception {
    String token = "exchanged/Canary-token-2";
    issueTokens(token);
    echoTheBearerToken();
    CallContext context = new CallContext("s", "alice", "r", CallChannel.NONE, Map.of(),
        InboundHeaders.of(Map.of("Authorization", List.of("Bearer alice-subject-token"))));

    assertEchoRemoved(SecurityScheme.bearer("token"),
        UpstreamOptions.environment(Map.of()).withTokenExchange(tokenServer.url("/sts").uri(), "api"), context,
        token);
  }

  @Test
  void inACatalogNoApiCanEchoAnotherApisCredential() throws Exception {
    try (CatalogFixture catalog = new CatalogFixture()) {
      String ordersToken = CatalogFixture.ENVIRONMENT.get("CATALOG_ORDERS_BEARER_TOKEN");
      catalog.inventory.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(echo(List.of(ordersToken))).build());

      ToolResult result = catalog.dispatcher(CatalogFixture.definition(), CatalogFixture.ENVIRONMENT)
          .execute(CatalogFixture.GET_ITEM, Harness.args("{\"itemId\":\"a1\"}"), CatalogFixture.CONTEXT);

      assertThat(result.isError()).as(Harness.text(result)).isFalse();
      Canary.assertAbsent(Harness.text(result), ordersToken);
      assertThat(Harness.text(result)).contains("Rex");
    }
  }

  @Test
  void theEchoReallyHoldsTheSecretsInTheirForms() throws Exception {
    JsonNode parsed = Harness.JSON.readTree(echo(List.of(HEADER_KEY)));

    assertThat(parsed.get("names").has("a-" + HEADER_KEY)).as("an escaped name parses to the secret").isTrue();
    assertThat(parsed.get("names").has("b-" + HEADER_KEY)).isTrue();
    assertThat(parsed.get("names").get("v-" + HEADER_KEY.length()).asText()).isEqualTo(HEADER_KEY);
    assertThat(parsed.get("echo").toString()).contains(Canary.base64Part(HEADER_KEY, 2, true));
  }
}
