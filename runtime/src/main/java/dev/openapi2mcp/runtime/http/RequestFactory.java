package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.credentials.AccessTokenSource;
import dev.openapi2mcp.runtime.credentials.TokenExchange;
import dev.openapi2mcp.runtime.tool.HttpBinding;
import dev.openapi2mcp.runtime.tool.InboundHeaders;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Turns a validated tool call into an OkHttp request.
 *
 * <p>URL: the base URL (its path kept, a trailing slash tolerated) followed by the path template, each
 * {@code {name}} replaced by its parameter's strictly percent-encoded value. Invariants, whatever the arguments:
 * the scheme, host and port are those of the base URL; the path starts with the base path; each path parameter
 * stays inside the one segment where its placeholder is. Values that would break this even when encoded are
 * refused before sending: an empty value (it would merge two segments, which many servers normalize away) and a
 * value that makes a whole segment {@code .} or {@code ..}. The latter cannot be sent encoded either: RFC 3986
 * makes {@code %2E} equivalent to {@code .}, and OkHttp's {@link HttpUrl} resolves {@code %2E%2E} like {@code ..}.
 *
 * <p>Headers: an {@code Accept} that prefers JSON and takes anything else at q=0.8, and
 * {@code User-Agent: openapi2mcp/<version>} ({@code dev} when the jar manifest names no version); header
 * parameters in simple style, refused when they contain line breaks, other control characters or non-ASCII text;
 * header parameters named {@code Accept}, {@code Content-Type} or {@code Authorization} are ignored as OpenAPI
 * requires, and so are connection-level headers ({@code Host}, {@code Content-Length}, …) that an argument must not
 * control. Cookie parameters, the pairs of a header parameter named {@code Cookie} and apiKey cookies share one
 * {@code Cookie} header ({@link CookieHeader}). No argument may send a query or cookie name that another parameter or
 * an apiKey credential sends (an exploded object's keys, a {@code Cookie} argument's pairs; {@link ReservedNames}),
 * so that fixed values, enums and credentials cannot be shadowed. Headers a hook adds come next,
 * then inbound headers the operator allows ({@link ForwardedHeaders}), then credentials, so a configured credential
 * always wins over an argument, hook or forwarded header of the same name.
 */
final class RequestFactory {
  private static final String ACCEPT = "application/json, */*;q=0.8";
  private static final String REDACTED = "***";
  private static final Set<String> IGNORED_HEADERS = Set.of(
      "accept", "content-type", "authorization", "host", "content-length", "transfer-encoding", "connection",
      "keep-alive", "te", "trailer", "upgrade", "proxy-authorization", "proxy-connection", "expect");

  private static final Set<String> METHODS_REQUIRING_BODY = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");

  private final HttpUrl baseUrl;
  private final Credentials credentials;
  private final Redactor redactor;
  private final String userAgent;
  private final LocalFiles files;
  private final ForwardedHeaders forwarded;
  private final TokenExchange exchange;

  RequestFactory(HttpUrl baseUrl, Credentials credentials, Redactor redactor, String userAgent, LocalFiles files) {
    this(baseUrl, credentials, redactor, userAgent, files, ForwardedHeaders.NONE, null);
  }

  /**
   * @param forwarded the inbound headers to send upstream
   * @param exchange token exchange for calls that carry the MCP client's bearer token, or null
   */
  RequestFactory(HttpUrl baseUrl, Credentials credentials, Redactor redactor, String userAgent, LocalFiles files,
      ForwardedHeaders forwarded, TokenExchange exchange) {
    this.baseUrl = baseUrl;
    this.credentials = credentials;
    this.redactor = redactor;
    this.userAgent = userAgent;
    this.files = files;
    this.forwarded = forwarded;
    this.exchange = exchange;
  }

  /**
   * Builds the request for {@code tool} from validated {@code arguments}.
   *
   * @throws InvalidRequestException when an argument cannot be put on the wire safely; nothing is sent then
   */
  PreparedRequest build(ToolDefinition tool, ObjectNode arguments) throws InvalidRequestException {
    return build(tool, arguments, Map.of(), InboundHeaders.NONE);
  }

  /**
   * As {@link #build(ToolDefinition, ObjectNode)}, with extra headers a {@link dev.openapi2mcp.runtime.tool.ToolHook}
   * added (issue 4). They replace header arguments of the same name, but never the configured credentials.
   *
   * @throws InvalidRequestException also when an extra header is one an argument must not control either, or holds
   *     a line break, another control character or non-ASCII text
   */
  PreparedRequest build(ToolDefinition tool, ObjectNode arguments, Map<String, String> extraHeaders)
      throws InvalidRequestException {
    return build(tool, arguments, extraHeaders, InboundHeaders.NONE);
  }

  /**
   * As {@link #build(ToolDefinition, ObjectNode, Map)}, for a call whose MCP request carried {@code inbound}
   * headers: the allowed ones are forwarded (replacing hook headers of the same name), and with token exchange the
   * client's bearer token is exchanged.
   */
  PreparedRequest build(
      ToolDefinition tool, ObjectNode arguments, Map<String, String> extraHeaders, InboundHeaders inbound)
      throws InvalidRequestException {
    HttpBinding http = tool.http();
    HttpUrl.Builder url = baseUrl.newBuilder();
    HttpUrl.Builder display = baseUrl.newBuilder().username("").password("");
    appendPath(http, arguments, url, display);

    Request.Builder request = new Request.Builder();
    ReservedNames queryNames = new ReservedNames(http, ParameterLocation.QUERY,
        credentials.apiKeyNames(ParameterLocation.QUERY));
    CookieHeader cookies = new CookieHeader(new ReservedNames(http, ParameterLocation.COOKIE,
        credentials.apiKeyNames(ParameterLocation.COOKIE)));
    for (ParameterBinding parameter : http.parameters()) {
      JsonNode value = arguments.get(parameter.argument());
      if (value == null || value.isNull()) {
        continue;
      }
      switch (parameter.location()) {
        case QUERY -> {
          boolean secret = redactor.isSecretParameter(parameter);
          for (ParameterSerializer.Pair pair : ParameterSerializer.queryPairs(parameter, value)) {
            queryNames.claim(parameter.argument(), parameter.name(), PercentDecoder.decode(pair.name()));
            url.addEncodedQueryParameter(pair.name(), pair.value());
            // A deepObject or exploded object may put a secret under a harmless parameter: filter[password]=….
            boolean hide = secret || SecretNames.looksSecret(PercentDecoder.decode(pair.name()));
            display.addEncodedQueryParameter(pair.name(), hide ? REDACTED : pair.value());
          }
        }
        case HEADER -> addHeaderParameter(request, cookies, parameter, value);
        case COOKIE -> cookies.addParameter(parameter, value);
        case PATH -> {
          // Already in the URL.
        }
      }
    }

    for (Map.Entry<String, String> header : extraHeaders.entrySet()) {
      addExtraHeader(request, header.getKey(), header.getValue());
    }
    forwarded.apply(inbound, request);
    Credentials.Selection selection = credentials.select(http, onBehalfOf(inbound));
    applyCredentials(selection, request, url, display, cookies);
    if (cookies.value() != null) {
      request.header("Cookie", cookies.value());
    }
    request.header("Accept", ACCEPT);
    request.header("User-Agent", userAgent);

    okhttp3.RequestBody body = http.body() == null ? null : BodyEncoder.encode(http.body(), arguments, files);
    String method = http.method().toUpperCase(Locale.ROOT);
    if (body != null && (method.equals("GET") || method.equals("HEAD")) && isEmpty(body)) {
      // Specs (Stripe's) give GET operations an empty form body; nothing to send is the same as no body.
      body = null;
    }
    if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
      throw new InvalidRequestException(method + " requests cannot carry a body; the body arguments were not sent");
    }
    if (body == null && METHODS_REQUIRING_BODY.contains(method)) {
      // OkHttp refuses these methods without a body; an empty one says "no content".
      body = okhttp3.RequestBody.create(new byte[0], null);
    }
    request.url(url.build()).method(method, body);
    return new PreparedRequest(request.build(), display.build(), selection);
  }

  /** The token source of an on-behalf-of call: when exchange is on and the client sent a bearer token. */
  private AccessTokenSource onBehalfOf(InboundHeaders inbound) {
    if (exchange == null || inbound == null) {
      return null;
    }
    String authorization = inbound.first("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String subject = authorization.substring(7).strip();
    return subject.isEmpty() ? null : exchange.onBehalfOf(subject);
  }

  private static void addExtraHeader(Request.Builder request, String name, String value)
      throws InvalidRequestException {
    if (IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new InvalidRequestException("a hook may not set the header '" + name + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new InvalidRequestException("the header '" + name + "' set by a hook holds a control or non-ASCII "
            + "character at position " + i);
      }
    }
    try {
      request.header(name, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("a hook set an invalid header name '" + name + "'");
    }
  }

  /** Applied after the parameters so that a configured credential replaces an argument of the same name. */
  private static void applyCredentials(Credentials.Selection selection, Request.Builder request,
      HttpUrl.Builder url, HttpUrl.Builder display, CookieHeader cookies) {
    for (Credentials.SchemeCredential credential : selection.applied()) {
      SecurityScheme scheme = credential.scheme();
      if (credential.tokens() != null) {
        // Obtained when the request is sent (UpstreamTokenInterceptor), so that a refused token can be renewed.
        request.removeHeader("Authorization");
        request.tag(UpstreamToken.class, new UpstreamToken(credential.tokens()));
        continue;
      }
      if (scheme.type() != SecurityScheme.Type.API_KEY) {
        request.header("Authorization", credential.authorization());
        continue;
      }
      String name = scheme.parameterName();
      switch (scheme.in()) {
        case HEADER -> request.header(name, credential.secret());
        case QUERY -> {
          String encodedName = PercentEncoder.encode(name);
          url.removeAllEncodedQueryParameters(encodedName);
          url.addEncodedQueryParameter(encodedName, PercentEncoder.encode(credential.secret()));
          display.removeAllEncodedQueryParameters(encodedName);
          display.addEncodedQueryParameter(encodedName, REDACTED);
        }
        case COOKIE -> cookies.setCredential(name, credential.secret());
        case PATH -> throw new IllegalStateException("apiKey scheme '" + scheme.name() + "' cannot be in a path");
      }
    }
  }

  private void appendPath(HttpBinding http, ObjectNode arguments, HttpUrl.Builder url, HttpUrl.Builder display)
      throws InvalidRequestException {
    Map<String, ParameterBinding> pathParameters = new LinkedHashMap<>();
    for (ParameterBinding parameter : http.parameters()) {
      if (parameter.location() == ParameterLocation.PATH) {
        pathParameters.put(parameter.name(), parameter);
      }
    }
    String template = http.pathTemplate();
    if (template.startsWith("/")) {
      template = template.substring(1);
    }
    if (template.isEmpty()) {
      return;
    }
    // A trailing empty base segment ("/v2/") is replaced by OkHttp with the first added segment.
    for (String segmentTemplate : template.split("/", -1)) {
      StringBuilder segment = new StringBuilder();
      StringBuilder displaySegment = new StringBuilder();
      int at = 0;
      while (at < segmentTemplate.length()) {
        int open = segmentTemplate.indexOf('{', at);
        int close = open < 0 ? -1 : segmentTemplate.indexOf('}', open);
        if (open < 0 || close < 0) {
          String literal = encodeLiteral(segmentTemplate.substring(at));
          segment.append(literal);
          displaySegment.append(literal);
          break;
        }
        String literal = encodeLiteral(segmentTemplate.substring(at, open));
        segment.append(literal);
        displaySegment.append(literal);
        String value = pathValue(pathParameters, segmentTemplate.substring(open + 1, close), arguments);
        segment.append(value);
        ParameterBinding parameter = pathParameters.get(segmentTemplate.substring(open + 1, close));
        displaySegment.append(redactor.isSecretParameter(parameter) ? REDACTED : value);
        at = close + 1;
      }
      String encoded = segment.toString();
      if (isDotSegment(encoded)) {
        throw new InvalidRequestException("the path segment '" + encoded + "' built from the arguments is a "
            + "dot-segment, which would move the request to another path; it cannot be sent");
      }
      url.addEncodedPathSegment(encoded);
      display.addEncodedPathSegment(displaySegment.toString());
    }
  }

  private static String pathValue(Map<String, ParameterBinding> pathParameters, String name, ObjectNode arguments)
      throws InvalidRequestException {
    ParameterBinding parameter = pathParameters.get(name);
    if (parameter == null) {
      throw new InvalidRequestException("the path template placeholder {" + name + "} has no parameter binding");
    }
    JsonNode value = arguments.get(parameter.argument());
    if (value == null || value.isNull()) {
      throw new InvalidRequestException("missing required argument '" + parameter.argument()
          + "' (path parameter '" + name + "')");
    }
    String encoded = ParameterSerializer.pathValue(parameter, value);
    if (encoded.isEmpty()) {
      throw new InvalidRequestException(parameter.argument() + ": the path parameter '" + name
          + "' must not be empty (an empty path segment changes the path)");
    }
    if (isDotSegment(encoded)) {
      throw new InvalidRequestException(parameter.argument() + ": the value " + JsonText.quote(encoded)
          + " is a dot-segment, which would move the request to another path; it cannot be sent");
    }
    return encoded;
  }

  private static void addHeaderParameter(
      Request.Builder request, CookieHeader cookies, ParameterBinding parameter, JsonNode value)
      throws InvalidRequestException {
    String lowerName = parameter.name().toLowerCase(Locale.ROOT);
    if (IGNORED_HEADERS.contains(lowerName)) {
      return;
    }
    String text = ParameterSerializer.headerValue(parameter, value);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new InvalidRequestException(parameter.argument() + ": header '" + parameter.name()
            + "' must not contain line breaks (CR/LF)");
      }
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new InvalidRequestException(parameter.argument() + ": header '" + parameter.name()
            + "' must not contain control characters");
      }
      if (c > 0x7e) {
        throw new InvalidRequestException(parameter.argument() + ": header '" + parameter.name()
            + "' must be ASCII text");
      }
    }
    if (lowerName.equals("cookie")) {
      cookies.addHeaderText(parameter, text);
    } else {
      request.addHeader(parameter.name(), text);
    }
  }

  private static boolean isEmpty(okhttp3.RequestBody body) {
    try {
      return body.contentLength() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Template literals are trusted: keep RFC 3986 pchar characters, encode anything else. */
  private static String encodeLiteral(String literal) {
    StringBuilder out = new StringBuilder(literal.length());
    literal.codePoints().forEach(c -> {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        out.appendCodePoint(c);
      } else {
        out.append(PercentEncoder.encode(new String(Character.toChars(c))));
      }
    });
    return out.toString();
  }

  private static boolean isDotSegment(String encodedSegment) {
    String decodedDots = encodedSegment.replace("%2E", ".").replace("%2e", ".");
    return decodedDots.equals(".") || decodedDots.equals("..");
  }
}
