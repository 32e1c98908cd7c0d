package dev.openapi2mcp.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.openapi2mcp.runtime.testing.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth resource server with a configured audience (a public URL behind a proxy) and the claim rules the HTTP
 * test leaves out (issue 5). The key set is fetched over real HTTP from {@link TestIssuer}.
 */
class OAuthResourceServerTest {
  private static final URI PUBLIC = URI.create("https://mcp.example.com/tenant/mcp");
  private static final URI BOUND = URI.create("http://127.0.0.1:8080/mcp");

  private TestIssuer issuer;
  private RSAKey key;
  private OAuthResourceServer auth;

  @BeforeEach
  void start() throws Exception {
    issuer = TestIssuer.start();
    key = TestIssuer.newKey("k1");
    issuer.publish(key);
    auth = new OAuthResourceServer(OAuthSettings.of(issuer.issuer(), issuer.jwksUrl(), PUBLIC, List.of())
        .withJwksMinRefreshInterval(Duration.ZERO), BOUND, null);
  }

  @AfterEach
  void stop() {
    issuer.close();
  }

  private AuthDecision check(JWTClaimsSet claims) {
    String token = TestIssuer.sign(key, claims);
    return auth.authenticate(Map.of("Authorization", "Bearer " + token)::get);
  }

  private static String reason(AuthDecision decision) {
    assertThat(decision).isInstanceOf(AuthDecision.Refused.class);
    return ((AuthDecision.Refused) decision).message();
  }

  @Test
  void theConfiguredAudienceReplacesTheBoundEndpoint() {
    assertThat(check(issuer.claims("alice", PUBLIC, "a b").build()))
        .isEqualTo(new AuthDecision.Allowed(new Principal("alice", Set.of("a", "b"))));
    assertThat(check(issuer.claims("alice", URI.create(PUBLIC + "/"), null).build()))
        .as("a trailing slash names the same resource").isInstanceOf(AuthDecision.Allowed.class);
    assertThat(reason(check(issuer.claims("alice", BOUND, null).build())))
        .isEqualTo("Unauthorized: the token's audience does not include " + PUBLIC);
  }

  @Test
  void theMetadataNamesThePublicResourceAndLivesBesideIt() {
    ProtectedResourceMetadata metadata = auth.metadata().orElseThrow();

    assertThat(metadata.resource()).isEqualTo(PUBLIC);
    assertThat(metadata.url())
        .isEqualTo(URI.create("https://mcp.example.com/.well-known/oauth-protected-resource/tenant/mcp"));
    assertThat(metadata.servedPaths()).containsExactly("/.well-known/oauth-protected-resource/tenant/mcp",
        "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource");
  }

  @Test
  void notBeforeInTheFutureAndAMissingSubjectOrExpiryAreRefused() {
    Instant later = Instant.now().plusSeconds(600);

    assertThat(reason(check(issuer.claims("alice", PUBLIC, null).notBeforeTime(Date.from(later)).build())))
        .isEqualTo("Unauthorized: the token is not valid yet (nbf)");
    assertThat(reason(check(issuer.claims(null, PUBLIC, null).build())))
        .isEqualTo("Unauthorized: the token has no subject (sub)");
    assertThat(reason(check(issuer.claims("alice", PUBLIC, null).expirationTime(null).build())))
        .isEqualTo("Unauthorized: the token has no expiry (exp)");
  }

  @Test
  void timesWithinTheClockSkewAreAccepted() {
    Instant now = Instant.now();
    JWTClaimsSet justExpired = issuer.claims("alice", PUBLIC, null)
        .expirationTime(Date.from(now.minusSeconds(20))).build();
    JWTClaimsSet almostValid = issuer.claims("alice", PUBLIC, null)
        .notBeforeTime(Date.from(now.plusSeconds(20))).build();

    assertThat(check(justExpired)).isInstanceOf(AuthDecision.Allowed.class);
    assertThat(check(almostValid)).isInstanceOf(AuthDecision.Allowed.class);
  }
}
