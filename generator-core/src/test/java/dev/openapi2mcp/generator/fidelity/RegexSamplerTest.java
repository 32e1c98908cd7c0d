package dev.openapi2mcp.generator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fidelity harness's pattern sampler (issue 3, item 9): what it draws matches the pattern. */
class RegexSamplerTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "^[a-z0-9_-]+$", "^\\d{4}-\\d{2}-\\d{2}$", "^(?:foo|bar)baz?$", "^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$",
      "^[^\\s/]+/[^\\s/]+$", "^v\\d+\\.\\d+(\\.\\d+)?$", "^(?<word>\\w+)@example\\.com$", "^[\\w.-]{3,8}$",
      "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*( *; *[A-Za-z0-9!#$&^_.+-]+=[A-Za-z0-9]+)*$"})
  void drawnStringsMatchTheirPattern(String pattern) {
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      String sample = RegexSampler.sample(pattern, random, 3);
      assertThat(Pattern.compile(pattern).matcher(sample).find()).as("/%s/ drew '%s'", pattern, sample).isTrue();
    }
  }
}
