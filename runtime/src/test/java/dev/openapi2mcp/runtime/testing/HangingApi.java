package dev.openapi2mcp.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An API that reads one request and never answers, on a plain socket, so that a test sees exactly when the client
 * gives up: {@link #awaitClosed} returns once the connection is closed from the other side (issue 5: cancellation
 * must abort the upstream call, not just forget it).
 */
public final class HangingApi implements AutoCloseable {
  private final ServerSocket socket;
  private final CountDownLatch received = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile String requestHead = "";

  public HangingApi() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "hanging-api");
    thread.setDaemon(true);
    thread.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  private void serve() {
    try (Socket connection = socket.accept()) {
      InputStream in = connection.getInputStream();
      StringBuilder head = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0) {
        head.append((char) b);
        if (head.toString().endsWith("\r\n\r\n")) {
          requestHead = head.toString();
          received.countDown();
          break;
        }
      }
      // Never answer; wait for the client to close its side.
      while (in.read() >= 0) {
        // discard
      }
      closed.countDown();
    } catch (IOException e) {
      // A reset counts as closed too.
      closed.countDown();
    }
  }

  /** Waits until a whole request head arrived; returns its first line. */
  public String awaitRequest() throws InterruptedException {
    if (!received.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no request reached the API");
    }
    return requestHead.lines().findFirst().orElse("").trim();
  }

  /** Whether the client closed the connection within the time. */
  public boolean awaitClosed(long seconds) throws InterruptedException {
    return closed.await(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
