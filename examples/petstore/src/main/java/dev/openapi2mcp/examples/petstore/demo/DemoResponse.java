package dev.openapi2mcp.examples.petstore.demo;

import java.util.Map;

/**
 * What a route answers: a status, a value serialized as JSON, and extra headers.
 *
 * @param body any value Jackson serializes (records, lists, maps, strings), never null
 */
record DemoResponse(int status, Object body, Map<String, String> headers) {

  static DemoResponse ok(Object body) {
    return new DemoResponse(200, body, Map.of());
  }
}
