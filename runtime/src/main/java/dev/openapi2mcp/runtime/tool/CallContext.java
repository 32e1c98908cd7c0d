package dev.openapi2mcp.runtime.tool;

/**
 * Who is calling and over which session, for credentials, audit and (later) rate limits.
 *
 * @param sessionId the MCP session id, or null on stdio and stateless HTTP
 * @param caller a description of the caller for the audit trail (e.g. {@code stdio} or the remote address)
 * @param requestId the JSON-RPC request id as text
 */
public record CallContext(String sessionId, String caller, String requestId) {}
