package dev.openapi2mcp.runtime.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real process: stdout ownership, malformed input and the exit code at end of input. */
@Timeout(60)
class StdioProcessTest {
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void malformedLinesAreAnsweredStrayPrintsGoToStderrAndEofExitsWithZero() throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      OutputStream in = server.process().getOutputStream();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(server.process().getInputStream(), StandardCharsets.UTF_8));
      in.write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertThat(mapper.readTree(out.readLine()).at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");

      in.write("this is not json\n".getBytes(StandardCharsets.UTF_8));
      in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"noisy\"}}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      JsonNode parseError = mapper.readTree(out.readLine());
      assertThat(parseError.at("/error/code").asInt()).isEqualTo(-32700);
      assertThat(parseError.get("id").isNull()).isTrue();
      // The noisy tool and the ping may finish in either order; both must be whole JSON-RPC lines.
      JsonNode a = mapper.readTree(out.readLine());
      JsonNode b = mapper.readTree(out.readLine());
      JsonNode noisy = a.get("id").asInt() == 1 ? a : b;
      JsonNode ping = a.get("id").asInt() == 2 ? a : b;
      assertThat(noisy.at("/result/content/0/text").asText()).isEqualTo("printed");
      assertThat(ping.get("result").isObject()).isTrue();

      in.close();
      assertThat(server.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.process().exitValue()).isZero();
      assertThat(out.readLine()).as("nothing else on stdout").isNull();
      assertThat(server.stderr()).contains("stray output that must not reach the protocol stream");
    }
  }

  @Test
  void aCallInFlightAtEndOfInputIsStillAnswered() throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      OutputStream in = server.process().getOutputStream();
      in.write((INIT + "\n{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\","
          + "\"params\":{\"name\":\"slow\",\"arguments\":{\"ms\":500}}}\n").getBytes(StandardCharsets.UTF_8));
      in.close();
      assertThat(server.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.process().exitValue()).isZero();
      String[] lines = new String(server.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .split("\n");
      assertThat(lines).hasSize(2);
      assertThat(mapper.readTree(lines[1]).at("/result/content/0/text").asText()).isEqualTo("slept 500 5");
    }
  }
}
