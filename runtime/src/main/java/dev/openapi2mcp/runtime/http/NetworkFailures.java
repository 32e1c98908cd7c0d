package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.credentials.TokenRequestException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Describes a failed exchange for the model and the user: which host, what went wrong, in one sentence.
 * No stack trace, no exception class names where a plain word exists.
 */
final class NetworkFailures {
  private NetworkFailures() {}

  static String describe(IOException failure, PreparedRequest request, ExecutorOptions options) {
    if (failure instanceof TokenRequestException) {
      // Issue 5: the message names the token URL and the OAuth error, never a secret.
      return "No token for " + request.describe() + ": " + failure.getMessage() + ". No request was sent to the API.";
    }
    String host = request.displayUrl().host() + ":" + request.displayUrl().port();
    return "Network error calling " + request.describe() + " on " + host + ": " + cause(failure, options)
        + ". No response was received.";
  }

  private static String cause(IOException failure, ExecutorOptions options) {
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
    if (failure instanceof SSLException) {
      return "the TLS connection failed (" + message + ")";
    }
    return message.isEmpty() ? failure.getClass().getSimpleName() : message;
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
