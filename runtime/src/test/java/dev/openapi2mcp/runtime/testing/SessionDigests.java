package dev.openapi2mcp.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What audit records and spans must show for a session, computed here independently of the runtime. */
public final class SessionDigests {
  private SessionDigests() {}

  /** The first 16 hex digits of the SHA-256 of {@code sessionId}. */
  public static String of(String sessionId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
