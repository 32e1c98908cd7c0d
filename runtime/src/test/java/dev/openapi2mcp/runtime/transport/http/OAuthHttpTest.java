package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.openapi2mcp.runtime.auth.OAuthResourceServer;
import dev.openapi2mcp.runtime.auth.OAuthSettings;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.Challenge;
import dev.openapi2mcp.runtime.testing.SampleServer;
import dev.openapi2mcp.runtime.testing.TestIssuer;
import dev.openapi2mcp.runtime.tool.ToolResult;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OAuth resource-server mode over real HTTP (issue 5): a JWKS served on loopback, tokens minted here with Nimbus,
 * the official SDK client for the happy path and raw HTTP for the refusals and their challenges.
 */
@Timeout(60)
class OAuthHttpTest {
  private static final String LIST = HttpTestClient.request(2, "tools/list", "{}");

  private final ObjectMapper mapper = new ObjectMapper();
  private TestIssuer issuer;
  private RSAKey key;
  private StreamableHttpTransport transport;
  private URI endpoint;
  private HttpTestClient http;

  @BeforeEach
  void start() throws Exception {
    issuer = TestIssuer.start();
    key = TestIssuer.newKey("k1");
    issuer.publish(key);
    // The caller the tool sees, so that tests can check which principal a call ran as.
    McpServer server = new McpServer(SampleServer.definition(),
        (tool, arguments, context) -> ToolResult.text(context.caller()), McpServerOptions.defaults());
    OAuthSettings settings = OAuthSettings.of(issuer.issuer(), issuer.jwksUrl(), null, List.of("mcp:tools"))
        .withJwksMinRefreshInterval(Duration.ZERO);
    transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0)
        .withAuth(bound -> new OAuthResourceServer(settings, bound, "Sample API")));
    transport.start();
    endpoint = transport.endpoint();
    http = new HttpTestClient(endpoint);
  }

  @AfterEach
  void stop() {
    transport.close();
    issuer.close();
  }

  private String token(JWTClaimsSet claims) {
    return TestIssuer.sign(key, claims);
  }

  private String validToken(String subject) {
    return token(issuer.claims(subject, endpoint, "mcp:tools other").build());
  }

  private HttpResponse<String> initializeWith(String token) throws Exception {
    Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    return http.post(HttpTestClient.INIT, null, headers);
  }

  private URI metadataUrl() {
    return URI.create("http://127.0.0.1:" + endpoint.getPort() + "/.well-known/oauth-protected-resource/mcp");
  }

  private static Challenge challenge(HttpResponse<String> response) {
    return Challenge.parse(response.headers().firstValue("WWW-Authenticate").orElseThrow(
        () -> new AssertionError("no WWW-Authenticate on " + response.statusCode())));
  }

  private void assertInvalidToken(HttpResponse<String> response, String reason) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    Challenge challenge = challenge(response);
    assertThat(challenge.scheme()).isEqualTo("Bearer");
    assertThat(challenge.params()).containsOnly(
        entry("error", "invalid_token"),
        entry("error_description", reason),
        entry("resource_metadata", metadataUrl().toString()));
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.at("/error/message").asText()).isEqualTo("Unauthorized: " + reason);
  }

  @Test
  void theSdkClientWithAValidTokenListsToolsAndCallsAsTheTokensSubject() {
    String token = validToken("alice");
    HttpClientStreamableHttpTransport clientTransport = HttpClientStreamableHttpTransport
        .builder("http://127.0.0.1:" + endpoint.getPort())
        .endpoint("/mcp")
        .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
        .httpRequestCustomizer((request, method, uri, body, context) ->
            request.header("Authorization", "Bearer " + token))
        .build();
    McpSyncClient client = McpClient.sync(clientTransport).requestTimeout(Duration.ofSeconds(30)).build();
    try {
      client.initialize();
      assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("echo", "structured");
      McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("echo", Map.of()));
      assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("alice");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void noTokenIs401PointingAtTheMetadataWithTheNeededScope() throws Exception {
    HttpResponse<String> response = initializeWith(null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(challenge(response)).isEqualTo(new Challenge("Bearer", Map.of(
        "resource_metadata", metadataUrl().toString(), "scope", "mcp:tools")));
    assertThat(mapper.readTree(response.body()).at("/error/code").asInt()).isEqualTo(-32600);
  }

  @Test
  void theMetadataDocumentIsPublicAtBothWellKnownPaths() throws Exception {
    for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
      HttpResponse<String> response = http.send("GET",
          URI.create("http://127.0.0.1:" + endpoint.getPort() + path), null, Map.of());

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(mapper.readTree(response.body())).as(path).isEqualTo(mapper.readTree("""
          {"resource": "%s", "authorization_servers": ["%s"], "scopes_supported": ["mcp:tools"],
           "bearer_methods_supported": ["header"], "resource_name": "Sample API"}
          """.formatted(endpoint, issuer.issuer())));
    }
    HttpResponse<String> post = http.send("POST", metadataUrl(), "{}", Map.of());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    String token = token(issuer.claims("alice", endpoint, "mcp:tools")
        .issueTime(Date.from(past.minusSeconds(600))).notBeforeTime(Date.from(past.minusSeconds(600)))
        .expirationTime(Date.from(past)).build());

    assertInvalidToken(initializeWith(token), "the token expired");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    String token = token(issuer.claims("alice", URI.create("https://other.example.com/mcp"), "mcp:tools").build());

    assertInvalidToken(initializeWith(token), "the token's audience does not include " + endpoint);
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() throws Exception {
    String token = token(issuer.claims("alice", endpoint, "mcp:tools").issuer("https://evil.example.com").build());

    assertInvalidToken(initializeWith(token), "the token was not issued by " + issuer.issuer());
  }

  @Test
  void aTokenSignedWithAnotherKeyUnderAKnownKidIsRefused() throws Exception {
    RSAKey forged = TestIssuer.newKey("k1");
    String token = TestIssuer.sign(forged, issuer.claims("alice", endpoint, "mcp:tools").build());

    assertInvalidToken(initializeWith(token), "the token's signature is not valid");
  }

  @Test
  void unsignedAndHmacTokensAreRefused() throws Exception {
    JWTClaimsSet claims = issuer.claims("alice", endpoint, "mcp:tools").build();
    String unsigned = new PlainJWT(claims).serialize();
    // HS256 keyed with the public modulus: the classic confusion attack against verifiers that trust "alg".
    SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims);
    hmac.sign(new MACSigner(key.toPublicJWK().getModulus().decode()));

    assertInvalidToken(initializeWith(unsigned), "the token is not a signed JWT");
    assertInvalidToken(initializeWith(hmac.serialize()),
        "the token is not signed with an accepted algorithm and a key of the issuer");
  }

  @Test
  void anUnknownKidIsRefusedUntilTheIssuerPublishesItThenAccepted() throws Exception {
    assertThat(initializeWith(validToken("alice")).statusCode()).isEqualTo(200);
    RSAKey rotated = TestIssuer.newKey("k2");
    String token = TestIssuer.sign(rotated, issuer.claims("bob", endpoint, "mcp:tools").build());
    int fetchesBefore = issuer.fetches();

    assertInvalidToken(initializeWith(token),
        "the token is not signed with an accepted algorithm and a key of the issuer");
    assertThat(issuer.fetches()).as("an unknown kid fetches the key set again").isGreaterThan(fetchesBefore);

    issuer.publish(key, rotated);
    HttpResponse<String> accepted = initializeWith(token);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("Mcp-Session-Id")).isPresent();
  }

  @Test
  void aTokenWithoutTheRequiredScopeIs403NamingIt() throws Exception {
    String token = token(issuer.claims("alice", endpoint, "other").build());

    HttpResponse<String> response = initializeWith(token);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(challenge(response)).isEqualTo(new Challenge("Bearer", Map.of(
        "error", "insufficient_scope", "scope", "mcp:tools", "resource_metadata", metadataUrl().toString())));
    assertThat(mapper.readTree(response.body()).at("/error/message").asText())
        .isEqualTo("Forbidden: the access token lacks the scope mcp:tools");
  }

  @Test
  void scopesMayComeAsAnScpList() throws Exception {
    String token = token(issuer.claims("alice", endpoint, null).claim("scp", List.of("mcp:tools")).build());

    assertThat(initializeWith(token).statusCode()).isEqualTo(200);
  }

  @Test
  void everyRequestIsCheckedAndASessionAnswersOnlyItsOwnSubject() throws Exception {
    String alice = validToken("alice");
    HttpResponse<String> init = initializeWith(alice);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session,
        Map.of("Authorization", "Bearer " + alice)).statusCode()).isEqualTo(202);

    HttpResponse<String> withoutToken = http.post(LIST, session, Map.of());
    HttpResponse<String> asBob = http.post(LIST, session, Map.of("Authorization", "Bearer " + validToken("bob")));
    HttpResponse<String> asAlice = http.post(LIST, session, Map.of("Authorization", "Bearer " + alice));

    assertThat(withoutToken.statusCode()).isEqualTo(401);
    assertThat(asBob.statusCode()).as("another subject cannot use alice's session").isEqualTo(404);
    assertThat(asAlice.statusCode()).isEqualTo(200);
    assertThat(mapper.readTree(asAlice.body()).at("/result/tools/0/name").asText()).isEqualTo("echo");
  }

  @Test
  void anUnreachableKeySetIs503NotAVerdictOnTheToken() throws Exception {
    String token = validToken("alice");
    issuer.close();

    HttpResponse<String> response = initializeWith(token);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }
}
