package dev.openapi2mcp.runtime.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in authorization server for inbound-auth tests (issue 5): publishes a JWKS over real HTTP on loopback,
 * with keys generated here, and mints RS256 access tokens. The published key set can be replaced (key rotation).
 */
public final class TestIssuer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile String jwks = "{\"keys\":[]}";

  private TestIssuer(HttpServer server) {
    this.server = server;
  }

  public static TestIssuer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    TestIssuer issuer = new TestIssuer(server);
    server.createContext("/jwks", exchange -> {
      issuer.fetches.incrementAndGet();
      byte[] body = issuer.jwks.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return issuer;
  }

  /** A fresh 2048-bit RSA key with this key id. */
  public static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes the public halves of these keys as the issuer's JWKS. */
  public void publish(RSAKey... keys) {
    List<JWK> publicKeys = java.util.Arrays.stream(keys).map(key -> (JWK) key.toPublicJWK()).toList();
    jwks = new JWKSet(publicKeys).toString();
  }

  public URI issuer() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/issuer");
  }

  public URI jwksUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
  }

  /** How often the JWKS was fetched. */
  public int fetches() {
    return fetches.get();
  }

  /** Claims of a token of this issuer for {@code audience}, valid from a minute ago for five minutes. */
  public JWTClaimsSet.Builder claims(String subject, URI audience, String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer().toString())
        .subject(subject)
        .audience(audience.toString())
        .issueTime(Date.from(now.minusSeconds(60)))
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("scope", scope);
  }

  /** An RS256 token with the key's id in its header, typed {@code at+jwt} as RFC 9068 asks. */
  public static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
          .type(new JOSEObjectType("at+jwt")).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
