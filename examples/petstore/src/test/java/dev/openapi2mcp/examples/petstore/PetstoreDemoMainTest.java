package dev.openapi2mcp.examples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PetstoreDemoMainTest {

  @Test
  void demoIsReplacedByTheDemoBaseUrlAndOtherArgumentsKeepTheirOrder() {
    String[] args = PetstoreDemoMain.withDemo(
        List.of("--transport", "http", "--demo", "--port", "0"), "http://127.0.0.1:5555/v2");

    assertThat(args).containsExactly(
        "--transport", "http", "--port", "0", "--base-url", "http://127.0.0.1:5555/v2");
  }

  @Test
  void demoGivenTwiceIsRemovedTwice() {
    assertThat(PetstoreDemoMain.withDemo(List.of("--demo", "--demo"), "http://127.0.0.1:1/v2"))
        .containsExactly("--base-url", "http://127.0.0.1:1/v2");
  }

  @Test
  void demoWithAnExplicitBaseUrlIsRefusedWithExitCode2() throws Exception {
    assertThat(PetstoreDemoMain.run(List.of("--demo", "--base-url", "https://api.example.com/v2"))).isEqualTo(2);
    assertThat(PetstoreDemoMain.run(List.of("--base-url=https://api.example.com/v2", "--demo"))).isEqualTo(2);
  }

  @Test
  void helpLinesDocumentTheDemoOptionInTheRuntimesColumns() {
    assertThat(PetstoreDemoMain.HELP).first().asString().startsWith("  --demo ");
    // The runtime's --help starts descriptions at column 28 (index 27), after at least two spaces.
    assertThat(PetstoreDemoMain.HELP).allSatisfy(line -> {
      assertThat(line.substring(25, 27)).isEqualTo("  ");
      assertThat(line.charAt(27)).isNotEqualTo(' ');
    });
  }
}
