package dev.openapi2mcp.runtime.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One Jetty request as an {@link HttpCall}. The body is read as its bytes arrive (no thread waits for a slow
 * client) and reading stops at the cap; the response is written without blocking the caller.
 */
final class JettyCall implements HttpCall {
  /** The most request-body bytes read and discarded after a response that did not need them. */
  static final long MAX_DRAIN_BYTES = 8L * 1024 * 1024;

  private final Request request;
  private final Response response;
  private final Callback done;
  private final int maxStreamBacklogBytes;
  private final AtomicBoolean answered = new AtomicBoolean();

  JettyCall(Request request, Response response, Callback done, int maxStreamBacklogBytes) {
    this.request = request;
    this.response = response;
    this.done = done;
    this.maxStreamBacklogBytes = maxStreamBacklogBytes;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return request.getHttpURI().getPath();
  }

  @Override
  public String header(String name) {
    return request.getHeaders().get(name);
  }

  @Override
  public Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
    }
    return headers;
  }

  @Override
  public String remoteAddress() {
    return Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
  }

  @Override
  public CompletionStage<byte[]> body(int maxBytes) {
    CompletableFuture<byte[]> body = new CompletableFuture<>();
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > maxBytes) {
      // Refused from the header alone: none of the announced bytes is read.
      body.complete(null);
      return body;
    }
    new ChunkReader(request, new BodyCollector(maxBytes, body)).run();
    return body;
  }

  /** Collects the body up to {@code maxBytes}; one byte more and it completes with null and stops reading. */
  private static final class BodyCollector implements ChunkReader.Sink {
    private final int maxBytes;
    private final CompletableFuture<byte[]> result;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    BodyCollector(int maxBytes, CompletableFuture<byte[]> result) {
      this.maxBytes = maxBytes;
      this.result = result;
    }

    @Override
    public boolean take(ByteBuffer buffer, boolean last) {
      if (bytes.size() + buffer.remaining() > maxBytes) {
        result.complete(null);
        return true;
      }
      byte[] part = new byte[buffer.remaining()];
      buffer.get(part);
      bytes.write(part, 0, part.length);
      if (last) {
        result.complete(bytes.toByteArray());
      }
      return last;
    }

    @Override
    public void failed(Throwable failure) {
      result.completeExceptionally(new IOException("the request body could not be read", failure));
    }
  }

  @Override
  public void respond(int status, Map<String, String> headers, String contentType, byte[] body) {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("HTTP call answered twice");
    }
    response.setStatus(status);
    headers.forEach((name, value) -> response.getHeaders().put(name, value));
    if (contentType != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > MAX_DRAIN_BYTES) {
      // Too much to read and throw away: the connection ends with this response, so the client must not reuse it.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    ByteBuffer content = body == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body);
    response.write(true, content, Callback.from(() -> new ChunkReader(request, new Drain()).run(), done::failed));
  }

  /**
   * Reads and discards what is left of the request body after the response, up to {@value #MAX_DRAIN_BYTES}
   * bytes, then ends the exchange. A connection whose request body is not read to its end cannot carry another
   * request, and closing it while the client still sends makes the client's TCP stack drop the response unread;
   * refusals that never read the body (415, 413, 403, ...) would then reach keep-alive clients as resets.
   */
  private final class Drain implements ChunkReader.Sink {
    private long drained;

    @Override
    public boolean take(ByteBuffer bytes, boolean last) {
      drained += bytes.remaining();
      if (last || drained > MAX_DRAIN_BYTES) {
        done.succeeded();
        return true;
      }
      return false;
    }

    @Override
    public void failed(Throwable failure) {
      done.succeeded(); // the response is out; a client that broke off its body changes nothing
    }
  }

  void respondIfOpen(int status, byte[] jsonBody) {
    if (!answered.get()) {
      try {
        respond(status, Map.of(), MediaTypes.JSON, jsonBody);
      } catch (IllegalStateException e) {
        // Answered concurrently in the meantime: nothing left to do.
      }
    }
  }

  @Override
  public EventStream openEventStream(Map<String, String> headers) {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("HTTP call answered twice");
    }
    response.setStatus(200);
    headers.forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaTypes.EVENT_STREAM);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-transform");
    return new JettyEventStream(response, done, maxStreamBacklogBytes);
  }
}
