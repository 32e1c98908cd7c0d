package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
  private final OriginPolicy loopback = new OriginPolicy(List.of("https://app.example.com"), true);

  @Test
  void originsOfLoopbackHostsAndTheAllowlistPass() {
    assertThat(loopback.allowsOrigin(null)).isTrue();
    for (String origin : List.of("http://localhost", "http://localhost:5173", "https://127.0.0.1:8443",
        "http://[::1]:3000", "HTTP://LOCALHOST", "https://app.example.com", "https://app.example.com:443")) {
      assertThat(loopback.allowsOrigin(origin)).as(origin).isTrue();
    }
  }

  @Test
  void foreignOriginsFail() {
    for (String origin : List.of("http://evil.example.com", "null", "http://localhost.evil.example.com",
        "http://127.0.0.1.evil.example.com", "https://app.example.com:8443", "http://app.example.com",
        "file://localhost", "not a url", "")) {
      assertThat(loopback.allowsOrigin(origin)).as(origin).isFalse();
    }
  }

  @Test
  void hostHeaderMustBeLoopbackOrAnAllowedOriginsHostWhenBoundToLoopback() {
    for (String host : List.of("127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]:8080", "app.example.com")) {
      assertThat(loopback.allowsHost(host)).as(host).isTrue();
    }
    assertThat(loopback.allowsHost(null)).isTrue();
    for (String host : List.of("evil.example.com", "evil.example.com:8080", "::1", "[::1", "127.0.0.2")) {
      assertThat(loopback.allowsHost(host)).as(host).isFalse();
    }
  }

  @Test
  void hostIsNotRestrictedWhenBoundToAnotherAddress() {
    OriginPolicy open = new OriginPolicy(List.of(), false);
    assertThat(open.allowsHost("mcp.internal.example.com:8080")).isTrue();
    assertThat(open.allowsOrigin("http://evil.example.com")).isFalse();
  }

  @Test
  void aMalformedAllowedOriginIsRejectedAtStart() {
    assertThatThrownBy(() -> new OriginPolicy(List.of("*"), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'*'");
    assertThatThrownBy(() -> new OriginPolicy(List.of("ftp://files.example.com"), true))
        .hasMessageContaining("ftp://files.example.com");
  }
}
