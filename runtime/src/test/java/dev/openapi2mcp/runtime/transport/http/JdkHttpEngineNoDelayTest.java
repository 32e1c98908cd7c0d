package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins the fix for ~40 ms per HTTP answer (Nagle's algorithm against delayed ACKs) found by the walking-skeleton
 * benchmark (issue 2): TCP_NODELAY is on unless the user chose otherwise.
 */
class JdkHttpEngineNoDelayTest {
  private static final String PROPERTY = "sun.net.httpserver.nodelay";
  private final String before = System.getProperty(PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, before);
    }
  }

  @Test
  void turnsNoDelayOnWhenUnset() {
    System.clearProperty(PROPERTY);
    JdkHttpEngine.enableNoDelay();
    assertThat(System.getProperty(PROPERTY)).isEqualTo("true");
  }

  @Test
  void keepsTheUsersChoice() {
    System.setProperty(PROPERTY, "false");
    JdkHttpEngine.enableNoDelay();
    assertThat(System.getProperty(PROPERTY)).isEqualTo("false");
  }
}
