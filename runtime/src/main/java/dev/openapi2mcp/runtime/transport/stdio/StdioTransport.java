package dev.openapi2mcp.runtime.transport.stdio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.mcp.JsonRpcException;
import dev.openapi2mcp.runtime.mcp.JsonRpcMessage;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * MCP over stdio: newline-delimited JSON-RPC messages in UTF-8, one client, one session.
 *
 * <p>Invariants: only whole messages are written to {@code out}, each on its own line; a line that is not a message is
 * answered with an error and reading continues; blank lines are ignored. Requests are handed to the server without
 * waiting, so responses may come in another order than their requests. When input ends, in-flight calls get the
 * server's grace period to finish and be answered, then {@link #run()} returns.
 */
public final class StdioTransport {
  private static final Logger LOG = Logger.getLogger(StdioTransport.class.getName());

  /** The largest line accepted: 16 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

  private final McpServer server;
  private final InputStream in;
  private final LineWriter writer;
  private final int maxLineBytes;

  public StdioTransport(McpServer server, InputStream in, OutputStream out) {
    this(server, in, out, DEFAULT_MAX_LINE_BYTES);
  }

  public StdioTransport(McpServer server, InputStream in, OutputStream out, int maxLineBytes) {
    this.server = Objects.requireNonNull(server, "server");
    this.in = Objects.requireNonNull(in, "in");
    this.writer = new LineWriter(Objects.requireNonNull(out, "out"));
    this.maxLineBytes = maxLineBytes;
  }

  /** Serves until end of input, then closes the server (waiting for in-flight calls) and returns. */
  public void run() {
    McpSession session = new McpSession(null, "stdio");
    session.setSink(message -> writer.write(server.codec().write(message)));
    LineReader reader = new LineReader(in, maxLineBytes);
    try {
      LineReader.Line line;
      while ((line = reader.next()) != null) {
        accept(line, session);
      }
      LOG.fine("stdin closed");
    } catch (IOException e) {
      LOG.warning("reading stdin failed; stopping: " + e.getClass().getSimpleName());
    } finally {
      server.close();
    }
  }

  private void accept(LineReader.Line line, McpSession session) {
    if (line.tooLong()) {
      send(server.errorResponse(new JsonRpcException(JsonRpcException.INVALID_REQUEST,
          "Message too large: a line may hold at most " + maxLineBytes + " bytes", null)));
      return;
    }
    if (LineReader.isBlank(line.bytes())) {
      return;
    }
    JsonRpcMessage message;
    try {
      message = server.codec().read(line.bytes());
    } catch (JsonRpcException e) {
      send(server.errorResponse(e));
      return;
    }
    server.handle(message, session).thenAccept(response -> {
      if (response != null) {
        send(response);
      }
    });
  }

  private void send(ObjectNode message) {
    writer.write(server.codec().write(message));
  }
}
