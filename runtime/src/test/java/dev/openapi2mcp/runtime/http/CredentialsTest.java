package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final String SECRET = "s3cr3t-Value-4711";

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ServerDefinition petstore(ToolDefinition tool) {
    return ServerDefinition.builder("petstore")
        .securityScheme(SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "api_key"))
        .securityScheme(SecurityScheme.oauth2("petstore_auth"))
        .securityScheme(SecurityScheme.apiKey("query-key", ParameterLocation.QUERY, "key"))
        .securityScheme(SecurityScheme.apiKey("cookieKey", ParameterLocation.COOKIE, "sid"))
        .securityScheme(SecurityScheme.bearer("jwt"))
        .securityScheme(SecurityScheme.basic("basic"))
        .securityScheme(SecurityScheme.openIdConnect("oidc"))
        .tool(tool)
        .build();
  }

  private static ToolDefinition tool(String... alternativesEachCommaSeparated) {
    ToolDefinition.Builder builder = ToolDefinition.builder("getPet").http("GET", "/pet")
        .parameter(ParameterBinding.query("q", "q", false))
        .parameter(ParameterBinding.cookie("theme", "theme", false));
    for (String alternative : alternativesEachCommaSeparated) {
      builder.security(alternative.isEmpty() ? new String[0] : alternative.split(","));
    }
    return builder.build();
  }

  private ToolResult call(ToolDefinition tool, Map<String, String> env, String arguments) {
    return harness.executor(petstore(tool), env).execute(tool, Harness.args(arguments), Harness.CONTEXT);
  }

  private RecordedRequest send(ToolDefinition tool, Map<String, String> env, String arguments) {
    harness.enqueue(200, "ok");
    ToolResult result = call(tool, env, arguments);
    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    return harness.take();
  }

  @Test
  void variableNamesFollowTheDocumentedRule() {
    assertThat(CredentialSources.upperSnake("petstore")).isEqualTo("PETSTORE");
    assertThat(CredentialSources.upperSnake("petstore_auth")).isEqualTo("PETSTORE_AUTH");
    assertThat(CredentialSources.upperSnake("my-api..v2")).isEqualTo("MY_API_V2");
    assertThat(CredentialSources.upperSnake("-bearerAuth-")).isEqualTo("BEARER_AUTH");
    assertThat(CredentialSources.upperSnake("OAuth2")).isEqualTo("OAUTH2");
    assertThat(CredentialSources.upperSnake("APIKey")).isEqualTo("APIKEY");
    assertThat(CredentialSources.upperSnake("key2Name")).isEqualTo("KEY2_NAME");
    assertThat(CredentialSources.upperSnake("ämt 2")).isEqualTo("MT_2");

    assertThat(Credentials.variables("PETSTORE", SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "k")))
        .containsExactly("PETSTORE_API_KEY");
    assertThat(Credentials.variables("PETSTORE", SecurityScheme.oauth2("petstore_auth")))
        .containsExactly("PETSTORE_PETSTORE_AUTH_TOKEN");
    assertThat(Credentials.variables("PETSTORE", SecurityScheme.bearer("jwt"))).containsExactly("PETSTORE_JWT_TOKEN");
    assertThat(Credentials.variables("PETSTORE", SecurityScheme.openIdConnect("oidc")))
        .containsExactly("PETSTORE_OIDC_TOKEN");
    assertThat(Credentials.variables("PETSTORE", SecurityScheme.basic("basic")))
        .containsExactly("PETSTORE_BASIC_USERNAME", "PETSTORE_BASIC_PASSWORD");
  }

  @Test
  void describeCredentialsListsOneLinePerVariableInSchemeOrder() {
    assertThat(RestToolExecutor.describeCredentials(petstore(tool()))).containsExactly(
        "PETSTORE_API_KEY: API key of security scheme 'api_key', sent in the header 'api_key'",
        "PETSTORE_PETSTORE_AUTH_TOKEN: OAuth 2.0 access token of security scheme 'petstore_auth', "
            + "sent as 'Authorization: Bearer <token>'",
        "PETSTORE_QUERY_KEY: API key of security scheme 'query-key', sent in the query 'key'",
        "PETSTORE_COOKIE_KEY: API key of security scheme 'cookieKey', sent in the cookie 'sid'",
        "PETSTORE_JWT_TOKEN: bearer token of security scheme 'jwt', sent as 'Authorization: Bearer <token>'",
        "PETSTORE_BASIC_USERNAME: user name of security scheme 'basic', sent with HTTP Basic authentication",
        "PETSTORE_BASIC_PASSWORD: password of security scheme 'basic', sent with HTTP Basic authentication",
        "PETSTORE_OIDC_TOKEN: OpenID Connect access token of security scheme 'oidc', "
            + "sent as 'Authorization: Bearer <token>'");
  }

  @Test
  void apiKeyInHeader() {
    RecordedRequest request = send(tool("api_key"), Map.of("PETSTORE_API_KEY", SECRET), "{}");

    assertThat(request.getHeaders().get("api_key")).isEqualTo(SECRET);
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void apiKeyInQueryIsSentButRedactedInTheAudit() {
    RecordedRequest request = send(tool("query-key"), Map.of("PETSTORE_QUERY_KEY", SECRET), "{\"q\":\"x\"}");

    assertThat(request.getUrl().queryParameter("key")).isEqualTo(SECRET);
    assertThat(request.getUrl().queryParameter("q")).isEqualTo("x");
    String url = harness.singleAudit().get("url").asText();
    assertThat(url).endsWith("/api/v2/pet?q=x&key=***");
    assertThat(String.join("\n", harness.audit)).doesNotContain(SECRET);
  }

  @Test
  void apiKeyInCookieJoinsTheCookieParameters() {
    RecordedRequest request = send(tool("cookieKey"), Map.of("PETSTORE_COOKIE_KEY", SECRET), "{\"theme\":\"dark\"}");

    assertThat(request.getHeaders().values("Cookie")).containsExactly("theme=dark; sid=" + SECRET);
  }

  @Test
  void bearerOauth2AndOpenIdConnectSendABearerToken() {
    Map<String, String> env = Map.of(
        "PETSTORE_JWT_TOKEN", "jwt-" + SECRET,
        "PETSTORE_PETSTORE_AUTH_TOKEN", "oauth-" + SECRET,
        "PETSTORE_OIDC_TOKEN", "oidc-" + SECRET);

    assertThat(send(tool("jwt"), env, "{}").getHeaders().get("Authorization")).isEqualTo("Bearer jwt-" + SECRET);
    assertThat(send(tool("petstore_auth"), env, "{}").getHeaders().get("Authorization"))
        .isEqualTo("Bearer oauth-" + SECRET);
    assertThat(send(tool("oidc"), env, "{}").getHeaders().get("Authorization")).isEqualTo("Bearer oidc-" + SECRET);
  }

  @Test
  void basicSendsUserAndPassword() {
    RecordedRequest request = send(tool("basic"),
        Map.of("PETSTORE_BASIC_USERNAME", "alice", "PETSTORE_BASIC_PASSWORD", SECRET), "{}");

    String expected = Base64.getEncoder().encodeToString(("alice:" + SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + expected);
  }

  @Test
  void theFirstAlternativeWhoseSchemesAllHaveCredentialsIsApplied() {
    // oauth2+api_key lacks the token; basic lacks its password; api_key alone is complete.
    ToolDefinition tool = tool("petstore_auth,api_key", "basic", "api_key", "jwt");
    Map<String, String> env = Map.of(
        "PETSTORE_API_KEY", SECRET, "PETSTORE_BASIC_USERNAME", "alice", "PETSTORE_JWT_TOKEN", "jwt-" + SECRET);

    RecordedRequest request = send(tool, env, "{}");

    assertThat(request.getHeaders().get("api_key")).isEqualTo(SECRET);
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void allSchemesOfTheChosenAlternativeAreApplied() {
    ToolDefinition tool = tool("petstore_auth,api_key");
    Map<String, String> env = Map.of("PETSTORE_API_KEY", SECRET, "PETSTORE_PETSTORE_AUTH_TOKEN", "tok-" + SECRET);

    RecordedRequest request = send(tool, env, "{}");

    assertThat(request.getHeaders().get("api_key")).isEqualTo(SECRET);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-" + SECRET);
  }

  @Test
  void withoutCredentialsTheRequestGoesOutBareAndA401NamesTheVariables() {
    harness.enqueueJson(401, "{\"message\":\"no auth\"}");
    ToolDefinition tool = tool("api_key", "petstore_auth");

    ToolResult result = call(tool, Map.of("PETSTORE_API_KEY", ""), "{}");

    RecordedRequest request = harness.take();
    assertThat(request.getHeaders().get("api_key")).isNull();
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result))
        .startsWith("HTTP 401 Client Error from GET /api/v2/pet")
        .contains("No credentials were sent. Set PETSTORE_API_KEY or PETSTORE_PETSTORE_AUTH_TOKEN")
        .contains("{\"message\":\"no auth\"}");
  }

  @Test
  void aRefusedCredentialIsNamedButNotShown() {
    harness.enqueue(403, "key " + SECRET + " is revoked");

    ToolResult result = call(tool("api_key"), Map.of("PETSTORE_API_KEY", SECRET), "{}");

    assertThat(Harness.text(result))
        .contains("HTTP 403")
        .contains("The API refused the credentials from PETSTORE_API_KEY.")
        .contains("key *** is revoked")
        .doesNotContain(SECRET);
  }

  @Test
  void anAnonymousAlternativeIsSatisfiedWithoutCredentials() {
    RecordedRequest request = send(tool("api_key", ""), Map.of(), "{}");

    assertThat(request.getHeaders().get("api_key")).isNull();
  }

  @Test
  void aConfiguredCredentialWinsOverAnArgumentOfTheSameName() {
    ToolDefinition tool = ToolDefinition.builder("getPet").http("GET", "/pet")
        .parameter(ParameterBinding.header("api_key", "api_key", false))
        .security("api_key")
        .build();

    RecordedRequest request = send(tool, Map.of("PETSTORE_API_KEY", SECRET), "{\"api_key\":\"from-the-model\"}");

    assertThat(request.getHeaders().values("api_key")).containsExactly(SECRET);
    assertThat(harness.singleAudit().get("arguments").get("api_key").asText()).isEqualTo("[redacted]");
  }

  @Test
  void secretsEchoedByTheApiAreRemovedFromResults() {
    harness.enqueueJson(200, "{\"yourKey\":\"" + SECRET + "\"}");

    ToolResult result = call(tool("api_key"), Map.of("PETSTORE_API_KEY", SECRET), "{}");

    assertThat(Harness.text(result)).isEqualTo("{\"yourKey\":\"***\"}");
  }

  /** Issue 11: the promise covers a key echoed percent-encoded, and error texts built from the API's answer. */
  @Test
  void percentEncodedEchoesAndErrorTextsAreScrubbedToo() {
    String key = "k+y/93a=f&secret";
    String encoded = "k%2By%2F93a%3Df%26secret";
    harness.enqueueJson(200, "{\"echo\":\"" + encoded + "\"}");
    harness.enqueueJson(403, "{\"error\":\"key " + key + " is not allowed\"}");

    ToolResult echoed = call(tool("api_key"), Map.of("PETSTORE_API_KEY", key), "{}");
    ToolResult refused = call(tool("api_key"), Map.of("PETSTORE_API_KEY", key), "{}");

    assertThat(Harness.text(echoed)).isEqualTo("{\"echo\":\"***\"}");
    assertThat(refused.isError()).isTrue();
    assertThat(Harness.text(refused)).contains("403").doesNotContain(key).doesNotContain(encoded);
  }

  @Test
  void aCredentialThatCannotBeSentFailsCreationNamingOnlyTheVariable() {
    ServerDefinition definition = petstore(tool());

    assertThatThrownBy(() -> RestToolExecutor.create(definition, harness.baseUrl(),
        Map.of("PETSTORE_API_KEY", SECRET + "\r\nX-Evil: 1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PETSTORE_API_KEY")
        .hasMessageContaining("control character")
        .hasMessageNotContaining(SECRET);
  }
}
