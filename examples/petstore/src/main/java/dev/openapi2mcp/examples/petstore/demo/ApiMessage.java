package dev.openapi2mcp.examples.petstore.demo;

/**
 * The spec's {@code ApiResponse} schema: the body of errors and of operations that return no entity.
 *
 * @param code the HTTP status
 * @param type {@code error} for failures, {@code unknown} otherwise (as the original Petstore answers)
 * @param message what happened
 */
record ApiMessage(int code, String type, String message) {

  static ApiMessage ok(String message) {
    return new ApiMessage(200, "unknown", message);
  }

  static ApiMessage error(int status, String message) {
    return new ApiMessage(status, "error", message);
  }
}
