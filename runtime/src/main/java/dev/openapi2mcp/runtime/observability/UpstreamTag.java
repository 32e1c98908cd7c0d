package dev.openapi2mcp.runtime.observability;

/**
 * What the upstream span of a request may show, attached to the OkHttp request as a tag (issue 5): the real URL may
 * carry credentials in its query, so spans show only this one.
 *
 * @param redactedUrl the request URL with credential and secret values replaced (never the real URL)
 * @param pathTemplate the OpenAPI path template, e.g. {@code /pet/{petId}}, for a low-cardinality span name
 */
public record UpstreamTag(String redactedUrl, String pathTemplate) {}
