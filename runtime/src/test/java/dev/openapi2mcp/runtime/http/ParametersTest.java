package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParametersTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ToolDefinition.Builder find() {
    return ToolDefinition.builder("findPets").http("GET", "/pets");
  }

  @Test
  void explodedArrayRepeatsTheKey() {
    ToolDefinition tool = find().parameter(ParameterBinding.query("status", "status", false)).build();

    RecordedRequest request = harness.send(tool, "{\"status\":[\"available\",\"sold out\"]}");

    assertThat(request.getTarget()).isEqualTo("/api/v2/pets?status=available&status=sold%20out");
    assertThat(request.getUrl().queryParameterValues("status")).containsExactly("available", "sold out");
  }

  @Test
  void nonExplodedArrayIsCommaJoinedAndCommasInValuesAreEncoded() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.query("tags", "tags", false).withStyle("form", false))
        .build();

    RecordedRequest request = harness.send(tool, "{\"tags\":[\"a,b\",\"c\",3,true]}");

    assertThat(request.getTarget()).isEqualTo("/api/v2/pets?tags=a%2Cb,c,3,true");
  }

  @Test
  void spaceAndPipeDelimitedArrays() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.query("a", "a", false).withStyle("spaceDelimited", false))
        .parameter(ParameterBinding.query("b", "b", false).withStyle("pipeDelimited", false))
        .build();

    assertThat(harness.send(tool, "{\"a\":[\"x\",\"y\"],\"b\":[\"x\",\"y\"]}").getTarget())
        .isEqualTo("/api/v2/pets?a=x%20y&b=x%7Cy");
  }

  @Test
  void objectsExplodeToTheirOwnKeysOrJoinOrGoDeep() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.query("filter", "filter", false))
        .parameter(ParameterBinding.query("range", "range", false).withStyle("form", false))
        .parameter(ParameterBinding.query("sort", "sort", false).withStyle("deepObject", true))
        .build();

    RecordedRequest request = harness.send(tool,
        "{\"filter\":{\"color\":\"red\",\"size\":2},\"range\":{\"min\":1,\"max\":5},\"sort\":{\"by\":\"name\"}}");

    assertThat(request.getTarget())
        .isEqualTo("/api/v2/pets?color=red&size=2&range=min,1,max,5&sort%5Bby%5D=name");
    assertThat(request.getUrl().queryParameter("sort[by]")).isEqualTo("name");
  }

  @Test
  void queryValuesCannotInjectFurtherParameters() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.query("name", "name", true))
        .parameter(ParameterBinding.query("limit", "limit", false))
        .build();

    RecordedRequest request = harness.send(tool, "{\"name\":\"x&limit=1000#frag\",\"limit\":5}");

    HttpUrl url = request.getUrl();
    assertThat(url.queryParameterNames()).containsExactlyInAnyOrder("name", "limit");
    assertThat(url.queryParameter("name")).isEqualTo("x&limit=1000#frag");
    assertThat(url.queryParameterValues("limit")).containsExactly("5");
  }

  @Test
  void scalarsAreTheirJsonTextAndNullOrAbsentAreLeftOut() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.query("a", "a", false))
        .parameter(ParameterBinding.query("b", "b", false))
        .parameter(ParameterBinding.query("c", "c", false))
        .parameter(ParameterBinding.query("d", "d", false))
        .parameter(ParameterBinding.query("e", "e", false))
        .build();

    assertThat(harness.send(tool, "{\"a\":true,\"b\":3.0,\"c\":2.5,\"d\":null}").getTarget())
        .isEqualTo("/api/v2/pets?a=true&b=3&c=2.5");
  }

  @Test
  void argumentAndWireNamesMayDiffer() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.query("id_query", "id", false))
        .parameter(ParameterBinding.header("id_header", "id", false))
        .build();

    RecordedRequest request = harness.send(tool, "{\"id_query\":\"q\",\"id_header\":\"h\"}");

    assertThat(request.getUrl().queryParameter("id")).isEqualTo("q");
    assertThat(request.getHeaders().get("id")).isEqualTo("h");
  }

  @Test
  void headerParametersUseSimpleStyle() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.header("trace", "X-Trace-Id", true))
        .parameter(ParameterBinding.header("flags", "X-Flags", false))
        .parameter(ParameterBinding.header("point", "X-Point", false).withStyle("simple", true))
        .build();

    RecordedRequest request = harness.send(tool,
        "{\"trace\":\"abc 123\",\"flags\":[\"a\",\"b\"],\"point\":{\"x\":1,\"y\":2}}");

    assertThat(request.getHeaders().get("X-Trace-Id")).isEqualTo("abc 123");
    assertThat(request.getHeaders().get("X-Flags")).isEqualTo("a,b");
    assertThat(request.getHeaders().get("X-Point")).isEqualTo("x=1,y=2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "a\u0000b", "ä"})
  void headerValuesWithLineBreaksControlOrNonAsciiCharactersAreRefused(String value) {
    ToolDefinition tool = find().parameter(ParameterBinding.header("trace", "X-Trace-Id", true)).build();

    ToolResult result = harness.call(tool, "{\"trace\":" + Harness.JSON.valueToTree(value) + "}");

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("trace: header 'X-Trace-Id'");
    assertThat(harness.server.getRequestCount()).isZero();
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("invalid_arguments");
  }

  @Test
  void headerParametersCannotSetAuthorizationHostOrAccept() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.header("auth", "Authorization", false))
        .parameter(ParameterBinding.header("host", "Host", false))
        .parameter(ParameterBinding.header("accept", "Accept", false))
        .parameter(ParameterBinding.header("proxy", "Proxy-Authorization", false))
        .parameter(ParameterBinding.header("upgrade", "Upgrade", false))
        .build();

    RecordedRequest request = harness.send(tool, "{\"auth\":\"Bearer from-client\",\"host\":\"evil.example\","
        + "\"accept\":\"text/html\",\"proxy\":\"Basic from-client\",\"upgrade\":\"h2c\"}");

    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(request.getHeaders().get("Upgrade")).isNull();
    assertThat(request.getHeaders().get("Host")).isEqualTo(harness.server.getHostName() + ":" + harness.server.getPort());
    assertThat(request.getHeaders().values("Accept")).containsExactly("application/json, */*;q=0.8");
  }

  @Test
  void cookieParametersShareOneCookieHeader() {
    ToolDefinition tool = find()
        .parameter(ParameterBinding.cookie("session", "session", true))
        .parameter(ParameterBinding.cookie("prefs", "prefs", false).withStyle("form", false))
        .build();

    RecordedRequest request = harness.send(tool, "{\"session\":\"a;b=c d\",\"prefs\":[\"x\",\"y\"]}");

    assertThat(request.getHeaders().values("Cookie")).containsExactly("session=a%3Bb%3Dc%20d; prefs=x,y");
  }

  @Test
  void standardHeadersAreSent() {
    RecordedRequest request = harness.send(find().build(), "{}");

    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json, */*;q=0.8");
    assertThat(request.getHeaders().get("User-Agent")).matches("openapi2mcp/(dev|\\d.*)");
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getBodySize()).isZero();
  }
}
