package dev.openapi2mcp.runtime.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.mcp.ErrorReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OAuth 2.0 token endpoint (RFC 6749 section 3.2) as a client sees it (issue 5): posts a form, authenticates
 * the client with HTTP Basic ({@code client_secret_basic}, id and secret form-encoded first as section 2.3.1 asks),
 * and reads {@code access_token} and {@code expires_in} from a JSON answer.
 *
 * <p>Errors become a {@link TokenRequestException} naming the URL and, when the endpoint said so, the OAuth
 * {@code error} and {@code error_description}; the client secret and tokens never appear in them.
 */
final class TokenEndpoint {
  private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;
  private static final int MAX_DESCRIPTION = 200;

  private final HttpUrl url;
  private final String clientId;
  private final String clientSecret;
  private final Supplier<OkHttpClient> client;

  /**
   * @param clientId null for a public client (no client authentication)
   * @param client the HTTP client to send with (the API's, so that its TLS settings apply)
   */
  TokenEndpoint(HttpUrl url, String clientId, String clientSecret, Supplier<OkHttpClient> client) {
    this.url = url;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.client = client;
  }

  HttpUrl url() {
    return url;
  }

  /** An access token and how long it lives ({@code null} when the endpoint did not say). */
  record Token(String accessToken, Duration expiresIn) {
    @Override
    public String toString() {
      return "token expiring in " + expiresIn;
    }
  }

  /** Posts {@code form} and returns the token it gives. */
  Token request(Map<String, String> form, String purpose) throws TokenRequestException {
    FormBody.Builder body = new FormBody.Builder(StandardCharsets.UTF_8);
    form.forEach((name, value) -> {
      if (value != null) {
        body.add(name, value);
      }
    });
    Request.Builder request = new Request.Builder().url(url).post(body.build())
        .header("Accept", "application/json");
    if (clientId != null) {
      request.header("Authorization", okhttp3.Credentials.basic(
          formEncode(clientId), formEncode(clientSecret == null ? "" : clientSecret), StandardCharsets.UTF_8));
    }
    String where = purpose + " at " + display();
    try (Response response = client.get().newCall(request.build()).execute()) {
      JsonNode json = json(response.body());
      if (!response.isSuccessful()) {
        String error = text(json, "error");
        if (error == null) {
          throw new TokenRequestException(where + " failed: the token endpoint answered HTTP " + response.code());
        }
        String description = text(json, "error_description");
        throw new TokenRequestException(where + " failed: the token endpoint answered HTTP " + response.code()
            + " with the OAuth error '" + clip(error) + "'" + (description == null ? "" : ": " + clip(description)));
      }
      String token = text(json, "access_token");
      if (token == null || token.isEmpty()) {
        throw new TokenRequestException(where + " failed: the answer has no access_token");
      }
      JsonNode expires = json == null ? null : json.get("expires_in");
      Duration expiresIn = null;
      if (expires != null && (expires.isNumber() || expires.isTextual())) {
        try {
          long seconds = Long.parseLong(expires.asText().trim());
          expiresIn = Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException e) {
          // Treated as unknown: the token is then kept until the API refuses it.
        }
      }
      return new Token(token, expiresIn);
    } catch (TokenRequestException e) {
      throw e;
    } catch (IOException e) {
      throw new TokenRequestException(where + " failed: the token endpoint could not be reached ("
          + ErrorReference.log(LOG, where + " failed", e) + ")");
    }
  }

  /** The URL without user info or query, for messages. */
  String display() {
    return url.newBuilder().username("").password("").query(null).build().toString();
  }

  private static JsonNode json(ResponseBody body) {
    if (body == null) {
      return null;
    }
    try {
      okio.BufferedSource source = body.source();
      source.request(MAX_BODY);
      byte[] bytes = source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_BODY));
      return JSON.readTree(bytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode json, String field) {
    if (json == null || !json.isObject()) {
      return null;
    }
    JsonNode value = json.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static String clip(String text) {
    String cut = text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", " ");
  }

  private static String formEncode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
