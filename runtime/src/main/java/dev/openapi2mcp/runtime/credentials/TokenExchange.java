package dev.openapi2mcp.runtime.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * On-behalf-of calls with OAuth 2.0 token exchange (RFC 8693; issue 5): the MCP client's bearer token (the
 * {@code subject_token}) is exchanged at a security token service for a token the API accepts, and that token is
 * sent upstream instead of the server's own.
 *
 * <p>Guarantees: an exchanged token is cached per subject token until it expires (same renewal margin as {@link
 * ClientCredentialsTokens}; a token without {@code expires_in} is not cached); concurrent calls with the same subject
 * token share one exchange; the cache is keyed by a SHA-256 digest, so subject tokens are not kept; it holds at most
 * {@link #MAX_ENTRIES} entries. A failed exchange is not cached.
 */
public final class TokenExchange {
  static final int MAX_ENTRIES = 10_000;
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

  private final TokenEndpoint endpoint;
  private final String audience;
  private final Clock clock;
  private final Map<String, CompletableFuture<Exchanged>> cache = new ConcurrentHashMap<>();

  private record Exchanged(String token, Instant renewAt) {}

  /**
   * @param url the security token service's token endpoint
   * @param clientId the client to authenticate as, or null for none
   * @param audience the {@code audience} to ask for, or null
   */
  public TokenExchange(HttpUrl url, String clientId, String clientSecret, String audience, Clock clock,
      Supplier<OkHttpClient> client) {
    this.endpoint = new TokenEndpoint(url, clientId, clientSecret, client);
    this.audience = audience;
    this.clock = clock;
  }

  /** The token source of one call made on behalf of the holder of {@code subjectToken}. */
  public AccessTokenSource onBehalfOf(String subjectToken) {
    String key = digest(subjectToken);
    return new AccessTokenSource() {
      @Override
      public String token() throws TokenRequestException {
        return exchange(key, subjectToken);
      }

      @Override
      public void refused(String token) {
        CompletableFuture<Exchanged> entry = cache.get(key);
        if (entry != null && entry.isDone() && !entry.isCompletedExceptionally()
            && entry.join().token().equals(token)) {
          cache.remove(key, entry);
        }
      }
    };
  }

  private String exchange(String key, String subjectToken) throws TokenRequestException {
    Instant now = clock.instant();
    CompletableFuture<Exchanged> mine = new CompletableFuture<>();
    CompletableFuture<Exchanged> entry = cache.compute(key, (k, old) -> old != null && usable(old, now) ? old : mine);
    if (entry == mine) {
      try {
        TokenEndpoint.Token token = endpoint.request(form(subjectToken), "the token exchange");
        Exchanged exchanged = new Exchanged(token.accessToken(),
            ClientCredentialsTokens.renewAt(clock.instant(), token.expiresIn()));
        mine.complete(exchanged);
        if (exchanged.renewAt() == null) {
          cache.remove(key, mine);
        } else {
          trim();
        }
      } catch (TokenRequestException | RuntimeException e) {
        cache.remove(key, mine);
        mine.completeExceptionally(e);
      }
    }
    try {
      return entry.get().token();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenRequestException("the token exchange at " + endpoint.display() + " was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TokenRequestException failure) {
        throw new TokenRequestException(failure.getMessage());
      }
      throw new TokenRequestException("the token exchange at " + endpoint.display() + " failed");
    }
  }

  private Map<String, String> form(String subjectToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", GRANT_TYPE);
    form.put("subject_token", subjectToken);
    form.put("subject_token_type", ACCESS_TOKEN_TYPE);
    form.put("requested_token_type", ACCESS_TOKEN_TYPE);
    if (audience != null) {
      form.put("audience", audience);
    }
    return form;
  }

  /** Pending exchanges stay; finished ones count against the limit. */
  private static boolean usable(CompletableFuture<Exchanged> entry, Instant now) {
    if (!entry.isDone()) {
      return true;
    }
    if (entry.isCompletedExceptionally()) {
      return false;
    }
    Instant renewAt = entry.join().renewAt();
    return renewAt != null && now.isBefore(renewAt);
  }

  private void trim() {
    if (cache.size() <= MAX_ENTRIES) {
      return;
    }
    Instant now = clock.instant();
    cache.entrySet().removeIf(e -> !usable(e.getValue(), now));
    if (cache.size() > MAX_ENTRIES) {
      // Still full of live tokens: start over rather than grow without bound.
      new ArrayList<>(cache.keySet()).forEach(cache::remove);
    }
  }

  /** The number of cached exchanges, for tests. */
  int cached() {
    return cache.size();
  }

  private static String digest(String subjectToken) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(subjectToken.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
