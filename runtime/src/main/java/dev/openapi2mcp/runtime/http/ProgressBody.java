package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.tool.CallChannel;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Progress of one REST call for a client that sent a {@code progressToken} (issue 5). The scale counts two steps,
 * then bytes: {@value #SENT} once the request is sent, {@value #HEADERS} once the response headers arrived, then
 * {@code 2 + n} after {@code n} body bytes; the total is {@code 2 + Content-Length} when the API sent a length. Body
 * progress is reported every {@value #STEP_BYTES} bytes and at the end of the body, not for every read.
 */
final class ProgressBody extends ResponseBody {
  static final double SENT = 1;
  static final double HEADERS = 2;
  static final long STEP_BYTES = 64 * 1024;

  private final ResponseBody delegate;
  private final BufferedSource source;

  private ProgressBody(ResponseBody delegate, CallChannel channel, Double total) {
    this.delegate = delegate;
    this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
      private long read;
      private long reported;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long count = super.read(sink, byteCount);
        if (count > 0) {
          read += count;
        }
        if (read > reported && (count < 0 || read - reported >= STEP_BYTES)) {
          reported = read;
          channel.progress(HEADERS + read, total, "Read " + read + " bytes of the response"
              + (total == null ? "" : " of " + (long) (total - HEADERS)));
        }
        return count;
      }
    });
  }

  /** The total for a response: {@code 2 + Content-Length}, or null when the length is unknown. */
  static Double total(Response response) {
    long length = response.body().contentLength();
    return length >= 0 ? HEADERS + length : null;
  }

  /** The response with a body that reports its reading to {@code channel}. */
  static Response counting(Response response, CallChannel channel) {
    return response.newBuilder().body(new ProgressBody(response.body(), channel, total(response))).build();
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public BufferedSource source() {
    return source;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
