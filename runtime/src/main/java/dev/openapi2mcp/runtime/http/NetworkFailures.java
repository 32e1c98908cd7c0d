package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.credentials.TokenRequestException;
import dev.openapi2mcp.runtime.mcp.ErrorReference;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * Describes a failed exchange for the model and the user: which host, what went wrong, in one sentence.
 * No stack trace, no exception class names where a plain word exists, and no exception message but the API's own
 * words and the token endpoint's (a {@link TokenRequestException}); other failures are told by an
 * {@link ErrorReference}.
 */
final class NetworkFailures {
  private static final Logger LOG = Logger.getLogger(NetworkFailures.class.getName());

  private NetworkFailures() {}

  static String describe(IOException failure, PreparedRequest request, ExecutorOptions options) {
    return describe(failure, request, options, null);
  }

  /**
   * As {@link #describe(IOException, PreparedRequest, ExecutorOptions)}, for a failure after the API's status line
   * arrived when {@code status} is not null: the body broke off, and nothing of it is returned.
   */
  static String describe(IOException failure, PreparedRequest request, ExecutorOptions options, Integer status) {
    if (failure instanceof TokenRequestException) {
      // Issue 5: the message names the token URL and the OAuth error, never a secret.
      return "No token for " + request.describe() + ": " + failure.getMessage() + ". No request was sent to the API.";
    }
    String host = request.displayUrl().host() + ":" + request.displayUrl().port();
    String outcome = status == null
        ? "No response was received."
        : "The API answered HTTP " + status + ", but its response body broke off; nothing of it is shown.";
    return "Network error calling " + request.describe() + " on " + host + ": " + cause(failure, request, options)
        + ". " + outcome;
  }

  private static String cause(IOException failure, PreparedRequest request, ExecutorOptions options) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (failure instanceof UnknownHostException) {
      return "the host name could not be resolved";
    }
    if (failure instanceof NoRouteToHostException) {
      return "no route to the host";
    }
    if (failure instanceof ConnectException) {
      return "the connection was refused (is the API running and the base URL right?)";
    }
    if (failure instanceof SocketTimeoutException) {
      return message.toLowerCase(Locale.ROOT).contains("connect")
          ? "connecting timed out after " + seconds(options.connectTimeout())
          : "no data from the API for " + seconds(options.readTimeout()) + " (read timeout)";
    }
    if (failure instanceof InterruptedIOException && message.equals("timeout")) {
      return "the call took longer than " + seconds(options.callTimeout()) + " (call timeout)";
    }
    // OkHttp's words for a body shorter than its Content-Length or a chunked body without its last chunk.
    if (failure instanceof EOFException || message.equals("unexpected end of stream")) {
      return "the API closed the connection in the middle of the response";
    }
    if (failure instanceof ProtocolException) {
      // The API's own words (e.g. a status line that is not HTTP), clipped: they are not ours to pass on in full.
      return "the answer is not valid HTTP (" + clip(message) + ")";
    }
    String where = "the exchange with " + request.describe() + " failed";
    if (failure instanceof SSLException) {
      return "the TLS connection failed (" + ErrorReference.log(LOG, where, failure) + ")";
    }
    return "the exchange failed (" + ErrorReference.log(LOG, where, failure) + ")";
  }

  private static String clip(String text) {
    String cut = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
