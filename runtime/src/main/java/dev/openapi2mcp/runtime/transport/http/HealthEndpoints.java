package dev.openapi2mcp.runtime.transport.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The probes an orchestrator asks (issue 5): {@code /healthz} (liveness) answers 200 whenever the process serves
 * HTTP at all; {@code /readyz} (readiness) answers 200 while the server takes calls and 503 once it drains for
 * shutdown, so that a load balancer stops sending it new work. Every other path goes to the wrapped handler.
 *
 * <p>Probes come from the kubelet or a load balancer, not from browsers or MCP clients, and reveal nothing but
 * up/down: they need no credentials and no Origin or Host check, and the bodies are tiny fixed JSON objects. Only
 * GET and HEAD are served.
 */
final class HealthEndpoints implements HttpCallHandler {
  static final String LIVENESS = "/healthz";
  static final String READINESS = "/readyz";

  private static final byte[] LIVE = json("{\"status\":\"ok\"}");
  private static final byte[] READY = json("{\"status\":\"ready\"}");
  private static final byte[] DRAINING = json("{\"status\":\"draining\"}");

  private final BooleanSupplier ready;
  private final HttpCallHandler next;

  /**
   * @param ready whether the server takes calls now
   * @param next handles every request not for a probe
   */
  HealthEndpoints(BooleanSupplier ready, HttpCallHandler next) {
    this.ready = Objects.requireNonNull(ready, "ready");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handle(HttpCall call) {
    String path = call.path();
    if (!LIVENESS.equals(path) && !READINESS.equals(path)) {
      next.handle(call);
      return;
    }
    boolean head = call.method().equals("HEAD");
    if (!head && !call.method().equals("GET")) {
      call.respond(405, Map.of("Allow", "GET, HEAD"), null, null);
      return;
    }
    boolean ok = LIVENESS.equals(path) || ready.getAsBoolean();
    byte[] body = LIVENESS.equals(path) ? LIVE : ok ? READY : DRAINING;
    // Probe answers must never be served from a cache: the state they report changes.
    call.respond(ok ? 200 : 503, Map.of("Cache-Control", "no-store"), MediaTypes.JSON, head ? null : body);
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
