package dev.openapi2mcp.runtime.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Access tokens of the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) for one security scheme
 * (issue 5).
 *
 * <p>Guarantees: the first {@link #token()} fetches a token and later calls reuse it; a token is replaced shortly
 * before its {@code expires_in} runs out (a tenth of its life early, at most {@link #MAX_MARGIN}), so that a
 * request does not leave with a token about to expire; one fetch serves all threads that need a token at the same
 * time (single flight); a token the API refused is dropped, so that the next call fetches a new one. A token
 * without {@code expires_in} is kept until the API refuses it.
 */
public final class ClientCredentialsTokens implements AccessTokenSource {
  /** How early, at most, a token is renewed before it expires. */
  static final Duration MAX_MARGIN = Duration.ofSeconds(60);

  private final TokenEndpoint endpoint;
  private final List<String> scopes;
  private final Clock clock;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile Held held;

  private record Held(String token, Instant renewAt) {
    boolean usableAt(Instant now) {
      return renewAt == null || now.isBefore(renewAt);
    }
  }

  /**
   * @param tokenUrl the token endpoint
   * @param scopes the scopes to request (none: the endpoint's default)
   * @param client the HTTP client to use, looked up when a token is first needed
   */
  public ClientCredentialsTokens(HttpUrl tokenUrl, String clientId, String clientSecret, List<String> scopes,
      Clock clock, Supplier<OkHttpClient> client) {
    this.endpoint = new TokenEndpoint(tokenUrl, clientId, clientSecret, client);
    this.scopes = List.copyOf(scopes);
    this.clock = clock;
  }

  @Override
  public String token() throws TokenRequestException {
    Held current = held;
    if (current != null && current.usableAt(clock.instant())) {
      return current.token();
    }
    fetching.lock();
    try {
      // Another thread may have fetched while this one waited for the lock.
      current = held;
      Instant now = clock.instant();
      if (current != null && current.usableAt(now)) {
        return current.token();
      }
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "client_credentials");
      if (!scopes.isEmpty()) {
        form.put("scope", String.join(" ", scopes));
      }
      TokenEndpoint.Token token = endpoint.request(form,
          "the OAuth client-credentials token request");
      held = new Held(token.accessToken(), renewAt(now, token.expiresIn()));
      return token.accessToken();
    } finally {
      fetching.unlock();
    }
  }

  @Override
  public void refused(String token) {
    fetching.lock();
    try {
      Held current = held;
      if (current != null && current.token().equals(token)) {
        held = null;
      }
    } finally {
      fetching.unlock();
    }
  }

  /** The token endpoint, for messages. */
  public String tokenUrl() {
    return endpoint.display();
  }

  static Instant renewAt(Instant obtained, Duration expiresIn) {
    if (expiresIn == null) {
      return null;
    }
    Duration margin = expiresIn.dividedBy(10);
    if (margin.compareTo(MAX_MARGIN) > 0) {
      margin = MAX_MARGIN;
    }
    return obtained.plus(expiresIn).minus(margin);
  }
}
