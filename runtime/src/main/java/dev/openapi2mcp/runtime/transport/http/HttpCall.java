package dev.openapi2mcp.runtime.transport.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One HTTP request and its response. A call is answered exactly once, either with {@link #respond} or by turning it
 * into an event stream with {@link #openEventStream}; both may happen on any thread.
 */
public interface HttpCall {

  /** The request method, upper case. */
  String method();

  /** The request path, without query. */
  String path();

  /** The first value of a request header (case-insensitive name), or null. */
  String header(String name);

  /**
   * Every request header, names as the client sent them, for the tool calls the request carries (issue 5: headers
   * the operator allows are forwarded upstream). Engines that cannot list headers return an empty map.
   */
  default Map<String, List<String>> headers() {
    return Map.of();
  }

  /** The client's address and port, for the audit trail. */
  String remoteAddress();

  /** The client's address without the port, which changes with every connection of the same client. */
  default String remoteHost() {
    String address = remoteAddress();
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }

  /**
   * Reads the request body; engines that can read it as it arrives do so without holding a thread while the client
   * is slow.
   *
   * @return completes with the body, or with null when it is longer than {@code maxBytes} (the rest is not read);
   *     fails when it could not be read
   */
  CompletionStage<byte[]> body(int maxBytes);

  /**
   * Sends a complete response and ends the exchange.
   *
   * @param contentType the body's type, or null when there is no body
   * @param body the body, or null for none
   */
  void respond(int status, Map<String, String> headers, String contentType, byte[] body);

  /** Starts a {@code 200 text/event-stream} response whose events are written later. */
  EventStream openEventStream(Map<String, String> headers) throws IOException;
}
