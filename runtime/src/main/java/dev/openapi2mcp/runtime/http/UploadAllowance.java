package dev.openapi2mcp.runtime.http;

/**
 * What the file parts of one request may add up to: at most {@link #MAX_FILE_PARTS} parts, and at most
 * {@code maxTotalBytes} bytes together. A per-file limit alone lets a model name the same large file a thousand
 * times in one call. Each part is counted before it is read, so a request over either limit is refused before any
 * file is read and before anything is sent. Not thread-safe: one per request.
 */
final class UploadAllowance {
  /** The most file parts one request may carry; real uploads name a handful. */
  static final int MAX_FILE_PARTS = 100;

  private final long maxTotalBytes;
  private int parts;
  private long bytes;

  UploadAllowance(long maxTotalBytes) {
    this.maxTotalBytes = maxTotalBytes;
  }

  /** Counts one more file part of {@code argument}; its size is not known yet. */
  void countPart(String argument) throws InvalidRequestException {
    if (++parts > MAX_FILE_PARTS) {
      throw new InvalidRequestException(argument + ": more than " + MAX_FILE_PARTS + " file parts in one request; "
          + "send fewer files per call");
    }
  }

  /** Adds {@code size} bytes of {@code argument} to the request's total. */
  void addBytes(String argument, long size) throws InvalidRequestException {
    bytes += size;
    if (bytes > maxTotalBytes) {
      throw new InvalidRequestException(argument + ": the file parts of this request add up to more than the "
          + maxTotalBytes + " bytes this server sends per request (" + LocalFiles.TOTAL_FILE_PARTS_FACTOR
          + " times --max-file-size); send fewer or smaller files per call");
    }
  }
}
