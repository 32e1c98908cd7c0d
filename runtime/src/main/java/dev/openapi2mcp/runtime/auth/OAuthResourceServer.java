package dev.openapi2mcp.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Inbound auth as an OAuth 2.1 resource server (issue 5; MCP authorization, RFC 6750, RFC 9068, RFC 9728): every
 * request carries {@code Authorization: Bearer <JWT>}, verified with Nimbus JOSE+JWT.
 *
 * <ul>
 *   <li>Signature: only asymmetric algorithms (RS*, PS*, ES*) are accepted, with a key from the issuer's JWKS
 *       chosen by {@code kid}. Unsigned tokens ({@code alg: none}) and HMAC tokens, which would let anyone holding
 *       the public key sign, are refused. Keys are cached; an unknown {@code kid} fetches the set again (at most
 *       every {@link OAuthSettings#jwksMinRefreshInterval}), so that key rotation needs no restart.</li>
 *   <li>Claims: see {@link AccessTokenClaims}; the audience is {@link OAuthSettings#audience} or the endpoint URL,
 *       so that tokens minted for another resource are refused (no token passthrough).</li>
 *   <li>Scopes: the token must grant every {@link OAuthSettings#requiredScopes required scope}.</li>
 * </ul>
 *
 * <p>Refusals follow RFC 6750 §3 and MCP: 401 with {@code WWW-Authenticate: Bearer resource_metadata="…"} and,
 * when a token was sent, {@code error="invalid_token"} with a short reason; 403 with
 * {@code error="insufficient_scope"} and the scopes needed; 503 when the key set cannot be fetched (the token may be
 * fine). The subject ({@code sub}) becomes the caller.
 */
public final class OAuthResourceServer implements InboundAuth {
  private static final Logger LOG = Logger.getLogger(OAuthResourceServer.class.getName());

  /** The accepted signature algorithms: asymmetric only. EdDSA is left out since Nimbus verifies it only with Tink. */
  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  private static final int JWKS_TIMEOUT_MILLIS = 5_000;
  private static final int JWKS_SIZE_LIMIT = 512 * 1024;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final List<String> requiredScopes;
  private final ProtectedResourceMetadata metadata;
  private final String metadataUrl;

  /**
   * @param endpoint the MCP endpoint as bound; the audience when the settings name none
   * @param resourceName a human-readable name for the metadata document, or null
   * @throws IllegalArgumentException when the JWKS URL is not a URL
   */
  public OAuthResourceServer(OAuthSettings settings, URI endpoint, String resourceName) {
    this(settings, endpoint, resourceName, Clock.systemUTC());
  }

  OAuthResourceServer(OAuthSettings settings, URI endpoint, String resourceName, Clock clock) {
    URI audience = settings.audience() != null ? settings.audience() : endpoint;
    JWKSource<SecurityContext> keys;
    try {
      JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(
              settings.jwksUrl().toURL(),
              new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
          .cache(settings.jwksCacheTtl().toMillis(), JWKS_TIMEOUT_MILLIS)
          .retrying(false);
      if (settings.jwksMinRefreshInterval().isZero()) {
        builder.rateLimited(false);
      } else {
        builder.rateLimited(settings.jwksMinRefreshInterval().toMillis());
      }
      keys = builder.build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the JWKS URL '" + settings.jwksUrl() + "' is not a URL", e);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    // RFC 9068 access tokens are typed at+jwt; many issuers send JWT or no type at all.
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
        JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
    processor.setJWTClaimsSetVerifier(
        new AccessTokenClaims(settings.issuer().toString(), audience.toString(), settings.clockSkew(), clock));
    this.requiredScopes = settings.requiredScopes();
    this.metadata = new ProtectedResourceMetadata(
        audience, List.of(settings.issuer().toString()), requiredScopes, resourceName);
    this.metadataUrl = metadata.url().toString();
  }

  @Override
  public Optional<ProtectedResourceMetadata> metadata() {
    return Optional.of(metadata);
  }

  @Override
  public AuthDecision authenticate(Function<String, String> headers) {
    String token = BearerChallenge.token(headers);
    if (token == null) {
      return new AuthDecision.Refused(401,
          BearerChallenge.bearer().with("resource_metadata", metadataUrl).with("scope", scopeList(requiredScopes))
              .toString(),
          "Unauthorized: send an access token as 'Authorization: Bearer <token>'; see " + metadataUrl);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(SignedJWT.parse(token), null);
    } catch (ParseException e) {
      return invalid("the token is not a signed JWT");
    } catch (AccessTokenClaims.Rejected e) {
      return invalid(e.getMessage());
    } catch (BadJWSException e) {
      return invalid("the token's signature is not valid");
    } catch (BadJOSEException e) {
      return invalid("the token is not signed with an accepted algorithm and a key of the issuer");
    } catch (KeySourceException e) {
      LOG.log(Level.WARNING, "the issuer's key set (JWKS) could not be fetched: " + e.getMessage());
      return new AuthDecision.Refused(503, null,
          "Service unavailable: the authorization server's keys could not be fetched; try again later");
    } catch (JOSEException e) {
      return invalid("the token could not be verified");
    }
    Set<String> granted = AccessTokenClaims.scopes(claims);
    List<String> missing = new ArrayList<>();
    for (String scope : requiredScopes) {
      if (!granted.contains(scope)) {
        missing.add(scope);
      }
    }
    if (!missing.isEmpty()) {
      return new AuthDecision.Refused(403,
          BearerChallenge.bearer().with("error", "insufficient_scope").with("scope", scopeList(requiredScopes))
              .with("resource_metadata", metadataUrl).toString(),
          "Forbidden: the access token lacks the scope " + String.join(" ", missing));
    }
    return new AuthDecision.Allowed(new Principal(claims.getSubject(), new LinkedHashSet<>(granted)));
  }

  private AuthDecision invalid(String reason) {
    LOG.fine(() -> "access token refused: " + reason);
    return new AuthDecision.Refused(401,
        BearerChallenge.bearer().with("error", "invalid_token").with("error_description", reason)
            .with("resource_metadata", metadataUrl).toString(),
        "Unauthorized: " + reason);
  }

  private static String scopeList(List<String> scopes) {
    return scopes.isEmpty() ? null : String.join(" ", scopes);
  }
}
