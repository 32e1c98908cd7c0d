package dev.openapi2mcp.runtime.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import okhttp3.MediaType;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A file part's content, read from disk only while the request is written, so that no file is ever held in memory
 * whole. The length is the checked size; the file is opened anew for each write (a retried request writes its body
 * again), and a file that is no longer the checked one, or has shrunk or grown, fails the write instead of sending
 * something else or a cut file.
 */
final class FileBody extends okhttp3.RequestBody {
  private final LocalFiles.Checked file;
  private final MediaType type;

  FileBody(LocalFiles.Checked file, MediaType type) {
    this.file = file;
    this.type = type;
  }

  @Override
  public MediaType contentType() {
    return type;
  }

  @Override
  public long contentLength() {
    return file.size();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try (SeekableByteChannel channel = file.open();
        Source source = Okio.source(Channels.newInputStream(channel))) {
      try {
        sink.write(source, file.size());
      } catch (EOFException e) {
        throw changed("became shorter");
      }
      if (channel.read(ByteBuffer.allocate(1)) > 0) {
        throw changed("grew");
      }
    }
  }

  private IOException changed(String how) {
    return new IOException("the file '" + file.shownPath() + "' " + how + " while it was sent");
  }
}
