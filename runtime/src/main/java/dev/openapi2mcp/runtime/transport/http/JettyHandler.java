package dev.openapi2mcp.runtime.transport.http;

import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Hands every Jetty request to the transport's {@link HttpCallHandler} as an {@link HttpCall}. */
final class JettyHandler extends Handler.Abstract {
  private static final Logger LOG = Logger.getLogger(JettyHandler.class.getName());
  private static final byte[] INTERNAL_ERROR = ("{\"jsonrpc\":\"2.0\",\"id\":null,"
      + "\"error\":{\"code\":-32603,\"message\":\"Internal error\"}}").getBytes(StandardCharsets.UTF_8);

  private final HttpCallHandler handler;
  private final int maxStreamBacklogBytes;

  JettyHandler(HttpCallHandler handler, int maxStreamBacklogBytes) {
    this.handler = handler;
    this.maxStreamBacklogBytes = maxStreamBacklogBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    // A request that waits for a tool call moves no bytes; its length is bounded by the call timeout, not by the
    // connection's idle timeout. A read or write still pending at the idle timeout is failed by Jetty regardless,
    // which is what ends slow request bodies and clients that stopped reading their event stream.
    request.addIdleTimeoutListener(timeout -> false);
    JettyCall call = new JettyCall(request, response, callback, maxStreamBacklogBytes);
    try {
      handler.handle(call);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "HTTP handler failed", e);
      call.respondIfOpen(500, INTERNAL_ERROR);
    }
    return true;
  }
}
