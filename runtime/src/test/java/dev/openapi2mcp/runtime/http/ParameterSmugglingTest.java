package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arguments cannot smuggle extra parameters (issue 11, item 6): the keys of an exploded form object become query
 * names of their own, and a header argument named {@code Cookie} carries cookie pairs of its own. Neither may put a
 * name on the wire that a declared parameter (possibly fixed, or limited to an enum) or an apiKey credential sends:
 * an API that sees {@code tenant} twice may take either value. Such a call is refused, naming the argument and the
 * key, and nothing is sent.
 */
class ParameterSmugglingTest {
  private static final String SECRET = "s3cr3t-Value-4711";

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ToolDefinition.Builder find() {
    return ToolDefinition.builder("findPets").http("GET", "/pets")
        .parameter(ParameterBinding.query("filter", "filter", false))
        .parameter(ParameterBinding.query("tenant", "tenant", false))
        .parameter(ParameterBinding.query("limit", "limit", false))
        .parameter(ParameterBinding.query("sort", "sort", false).withStyle("deepObject", true));
  }

  private static ServerDefinition withKeys(ToolDefinition tool) {
    return ServerDefinition.builder("petstore")
        .securityScheme(SecurityScheme.apiKey("query-key", ParameterLocation.QUERY, "key"))
        .securityScheme(SecurityScheme.apiKey("cookieKey", ParameterLocation.COOKIE, "sid"))
        .tool(tool)
        .build();
  }

  private ToolResult callWithKeys(ToolDefinition tool, String arguments) {
    return harness.executor(withKeys(tool), Map.of("PETSTORE_QUERY_KEY", SECRET, "PETSTORE_COOKIE_KEY", SECRET))
        .execute(tool, Harness.args(arguments), Harness.CONTEXT);
  }

  private void assertRefusedUnsent(ToolResult result, String... fragments) {
    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("no request was sent").contains(fragments);
    assertThat(harness.server.getRequestCount()).isZero();
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("invalid_arguments");
  }

  @Test
  void anExplodedObjectCannotSetAFixedQueryParameter() {
    ToolDefinition tool = find().fixedArgument("tenant", "\"acme\"").build();

    ToolResult result = harness.call(tool, "{\"filter\":{\"tenant\":\"evil\"}}");

    assertRefusedUnsent(result, "filter: the key 'tenant'", "query parameter 'tenant'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit", "LIMIT", "Tenant", "tenant[x]", "sort[by]", "tenant[]"})
  void anExplodedObjectCannotSetAnyOtherDeclaredQueryParameter(String key) {
    ToolResult result = harness.call(find().build(), "{\"filter\":{\"" + key + "\":\"9999\"}}");

    assertRefusedUnsent(result, "filter: the key '" + key + "'");
  }

  @Test
  void anExplodedObjectCannotSetTheApiKeyQueryParameter() {
    ToolResult result = callWithKeys(find().security("query-key").build(), "{\"filter\":{\"key\":\"mine\"}}");

    assertRefusedUnsent(result, "filter: the key 'key'", "credential");
  }

  @Test
  void twoExplodedObjectsCannotSendTheSameName() {
    ToolDefinition tool = find().parameter(ParameterBinding.query("more", "more", false)).build();

    ToolResult result = harness.call(tool, "{\"filter\":{\"color\":\"red\"},\"more\":{\"color\":\"blue\"}}");

    assertRefusedUnsent(result, "more: the key 'color'");
  }

  @Test
  void harmlessKeysAndDeepObjectsStillGoOut() {
    ToolDefinition tool = find().fixedArgument("tenant", "\"acme\"").build();

    RecordedRequest request = harness.send(tool,
        "{\"filter\":{\"color\":\"red\",\"filter\":\"x\"},\"sort\":{\"tenant\":\"asc\"},\"limit\":5}");

    assertThat(request.getUrl().queryParameterValues("tenant")).containsExactly("acme");
    assertThat(request.getUrl().queryParameter("color")).isEqualTo("red");
    assertThat(request.getUrl().queryParameter("sort[tenant]")).isEqualTo("asc");
    assertThat(request.getUrl().queryParameterValues("limit")).containsExactly("5");
  }

  private static ToolDefinition cookieTool() {
    return ToolDefinition.builder("getPet").http("GET", "/pet")
        .parameter(ParameterBinding.header("cookie", "Cookie", false))
        .parameter(ParameterBinding.cookie("theme", "theme", false))
        .parameter(ParameterBinding.cookie("prefs", "prefs", false))
        .security("cookieKey")
        .build();
  }

  @Test
  void aCookieHeaderArgumentCannotPutTheCredentialsCookieFirst() {
    ToolResult result = callWithKeys(cookieTool(), "{\"cookie\":\"a=b; sid=evil\"}");

    assertRefusedUnsent(result, "cookie: the key 'sid'", "credential");
  }

  @Test
  void aCookieHeaderArgumentCannotSetADeclaredCookie() {
    ToolResult result = callWithKeys(cookieTool(), "{\"cookie\":\"Theme=evil\",\"theme\":\"dark\"}");

    assertRefusedUnsent(result, "cookie: the key 'Theme'", "cookie 'theme'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=b, sid=evil", "a", "=b", "a b=c", "a=\"b", "a=b\\c"})
  void aCookieHeaderArgumentMustBeNameValuePairs(String value) {
    ToolResult result = callWithKeys(cookieTool(), "{\"cookie\":" + Harness.JSON.valueToTree(value) + "}");

    assertRefusedUnsent(result, "cookie: header 'Cookie'");
  }

  @Test
  void anExplodedCookieObjectCannotSetTheCredentialsCookie() {
    ToolResult result = callWithKeys(cookieTool(), "{\"prefs\":{\"sid\":\"evil\"}}");

    assertRefusedUnsent(result, "prefs: the key 'sid'", "credential");
  }

  @Test
  void cookiePairsOfAllKindsGoOutAsSeparatePairsWithTheCredentialLast() {
    harness.enqueue(200, "ok");
    ToolResult result = callWithKeys(cookieTool(),
        "{\"cookie\":\" a=b;c=\\\"d\\\" ;\",\"theme\":\"dark;sid=evil\",\"prefs\":{\"lang\":\"en\"}}");

    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    RecordedRequest request = harness.take();
    assertThat(request.getHeaders().values("Cookie"))
        .containsExactly("a=b; c=\"d\"; theme=dark%3Bsid%3Devil; lang=en; sid=" + SECRET);
  }
}
