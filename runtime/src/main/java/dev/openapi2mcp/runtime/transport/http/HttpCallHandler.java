package dev.openapi2mcp.runtime.transport.http;

/** Handles one HTTP request. It may answer later, from another thread; it must answer exactly once. */
@FunctionalInterface
public interface HttpCallHandler {

  void handle(HttpCall call);
}
