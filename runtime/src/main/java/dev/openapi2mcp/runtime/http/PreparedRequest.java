package dev.openapi2mcp.runtime.http;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A request ready to send, with what may be shown about it.
 *
 * @param request the real request, credentials included: never logged or shown
 * @param displayUrl the request URL with secret path and query values replaced by {@code ***} and without user
 *     info: the only form of the URL that goes into audit lines, error texts and resource URIs
 * @param credentials the credentials applied (or why none were)
 */
record PreparedRequest(Request request, HttpUrl displayUrl, Credentials.Selection credentials) {

  /** {@code METHOD /path} for messages, with secret path values redacted. */
  String describe() {
    return request.method() + " " + displayUrl.encodedPath();
  }
}
