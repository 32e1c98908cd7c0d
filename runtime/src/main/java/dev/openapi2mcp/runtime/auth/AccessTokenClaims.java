package dev.openapi2mcp.runtime.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The claim checks of an access token, run by Nimbus after the signature was verified (issue 5): {@code iss} is the
 * configured issuer, {@code aud} contains this resource, {@code exp} is present and not passed, {@code nbf} (if
 * present) is reached, and {@code sub} is present. Times allow {@code clockSkew} either way. Every failure is a
 * {@link Rejected} whose message is safe to send to the client: it names the claim, never the token.
 */
final class AccessTokenClaims implements JWTClaimsSetVerifier<SecurityContext> {
  private final String issuer;
  private final String audience;
  private final Duration clockSkew;
  private final Clock clock;

  /** A claim check failed; the message says which, in words fit for {@code error_description}. */
  static final class Rejected extends BadJWTException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }

  AccessTokenClaims(String issuer, String audience, Duration clockSkew, Clock clock) {
    this.issuer = issuer;
    this.audience = audience;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    if (!issuer.equals(claims.getIssuer())) {
      throw new Rejected("the token was not issued by " + issuer);
    }
    List<String> audiences = claims.getAudience();
    if (audiences.stream().noneMatch(value -> sameResource(value, audience))) {
      throw new Rejected("the token's audience does not include " + audience);
    }
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      throw new Rejected("the token has no expiry (exp)");
    }
    if (now.minus(clockSkew).isAfter(expires.toInstant())) {
      throw new Rejected("the token expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.plus(clockSkew).isBefore(notBefore.toInstant())) {
      throw new Rejected("the token is not valid yet (nbf)");
    }
    if (claims.getSubject() == null || claims.getSubject().isBlank()) {
      throw new Rejected("the token has no subject (sub)");
    }
  }

  /** A trailing slash does not make another resource: {@code https://h/mcp} and {@code https://h/mcp/} match. */
  private static boolean sameResource(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String value) {
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /**
   * The scopes a token grants: the space-separated {@code scope} claim (RFC 9068, RFC 8693), and the {@code scp}
   * claim some issuers use instead, as a list or a string.
   */
  static Set<String> scopes(JWTClaimsSet claims) {
    Set<String> scopes = new LinkedHashSet<>();
    Object scope = claims.getClaim("scope");
    if (scope instanceof String text) {
      split(text, scopes);
    }
    Object scp = claims.getClaim("scp");
    if (scp instanceof String text) {
      split(text, scopes);
    } else if (scp instanceof List<?>) {
      try {
        scopes.addAll(claims.getStringListClaim("scp"));
      } catch (ParseException e) {
        // Not a list of strings: grants nothing.
      }
    }
    return scopes;
  }

  private static void split(String text, Set<String> into) {
    for (String part : text.trim().split("\\s+")) {
      if (!part.isEmpty()) {
        into.add(part);
      }
    }
  }
}
