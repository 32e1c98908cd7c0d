package dev.openapi2mcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.concurrent.Tasks;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import dev.openapi2mcp.generator.spec.LoadedSpec;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the {@link ApiModel} from swagger-parser's object model. This is the only class of the model stage that
 * knows swagger types; everything it produces is plain records and JSON trees.
 *
 * <p>What it cannot carry over it reports: unsupported security schemes, callbacks and webhooks become warnings,
 * references to undefined schemes and unresolved references become errors.
 */
public final class ApiModelBuilder {

  /** OpenAPI says these header parameters SHALL be ignored: the request's own machinery sets them. */
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

  private final LoadedSpec spec;
  private final Map<String, String> serverVariables;
  private final String serverUrl;
  private final Diagnostics diagnostics;
  private final ObjectMapper schemaMapper;
  private final Components components;

  private ApiModelBuilder(LoadedSpec spec, Map<String, String> serverVariables, String serverUrl,
      Diagnostics diagnostics) {
    this.spec = spec;
    this.serverVariables = Map.copyOf(serverVariables);
    this.serverUrl = serverUrl;
    this.diagnostics = diagnostics;
    this.schemaMapper = spec.openApi31() ? Json31.mapper() : Json.mapper();
    this.components = spec.openApi().getComponents() == null ? new Components() : spec.openApi().getComponents();
  }

  /** Builds the model, adding what it finds to {@code diagnostics} (errors included; the caller decides). */
  public static ApiModel build(LoadedSpec spec, Diagnostics diagnostics) {
    return build(spec, Map.of(), null, diagnostics);
  }

  /**
   * Builds the model with the user's choice of base URL.
   *
   * @param serverVariables values for variables of the spec's first server, overriding their defaults; naming a
   *     variable that server does not declare is an error
   * @param serverUrl the base URL to use instead of the spec's servers (an absolute http(s) URL), or null
   */
  public static ApiModel build(LoadedSpec spec, Map<String, String> serverVariables, String serverUrl,
      Diagnostics diagnostics) {
    return new ApiModelBuilder(spec, serverVariables, serverUrl, diagnostics).build();
  }

  private ApiModel build() {
    OpenAPI api = spec.openApi();
    String title = api.getInfo() == null ? null : api.getInfo().getTitle();
    String version = api.getInfo() == null || api.getInfo().getVersion() == null
        ? "0.0.0"
        : api.getInfo().getVersion();
    Map<String, SecuritySchemeModel> schemes = securitySchemes();
    // Issue 6: the component schemas' trees need nothing the operations make, and report nothing, so another core
    // makes them meanwhile; both only read the parsed description.
    CompletableFuture<Map<String, JsonNode>> componentSchemas = CompletableFuture.supplyAsync(this::componentSchemas);
    List<OperationModel> operations = operations(api, schemes);
    if (api.getWebhooks() != null && !api.getWebhooks().isEmpty()) {
      diagnostics.warning("webhooks are not turned into tools (" + api.getWebhooks().size() + " ignored)",
          "/webhooks", null);
    }
    return new ApiModel(title, version, baseUrl(api), spec.openApi31(), operations,
        List.copyOf(schemes.values()), Tasks.join(componentSchemas));
  }

  private String baseUrl(OpenAPI api) {
    if (serverUrl != null) {
      return overriddenBaseUrl();
    }
    List<Server> servers = api.getServers();
    if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
      diagnostics.warning("the spec names no server; pass the base URL at run time", "/servers", null);
      unknownServerVariables(Map.of());
      return null;
    }
    Server server = servers.get(0);
    Map<String, ServerVariable> declared = server.getVariables() == null ? Map.of() : server.getVariables();
    unknownServerVariables(declared);
    String url = server.getUrl();
    for (Map.Entry<String, ServerVariable> variable : new TreeMap<>(declared).entrySet()) {
      String value = serverVariables.get(variable.getKey());
      ServerVariable definition = variable.getValue();
      if (value != null && definition != null && definition.getEnum() != null && !definition.getEnum().isEmpty()
          && !definition.getEnum().contains(value)) {
        diagnostics.warning("server variable " + variable.getKey() + " is set to '" + value
            + "', which is not among the values the spec allows " + definition.getEnum(),
            JsonPointers.append("/servers/0/variables", variable.getKey()), null);
      }
      if (value == null && definition != null) {
        value = definition.getDefault();
      }
      if (value != null) {
        url = url.replace("{" + variable.getKey() + "}", value);
      }
    }
    if (url.contains("{")) {
      diagnostics.warning("server URL " + url + " has variables without defaults; pass the base URL at run time",
          "/servers/0", null);
      return null;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      diagnostics.warning("server URL is not a valid URI: " + url, "/servers/0/url", null);
      return null;
    }
    if (uri.isAbsolute()) {
      return url;
    }
    String file = spec.file().toLowerCase(Locale.ROOT);
    if (file.startsWith("http://") || file.startsWith("https://")) {
      // A relative server URL is relative to where the document was served from (OpenAPI 3, "Server Object").
      return URI.create(spec.file()).resolve(uri).toString();
    }
    if (url.startsWith("//") && uri.getHost() != null) {
      // Swagger 2.0 documents without 'schemes' convert to scheme-relative URLs; HTTPS is the safe guess.
      diagnostics.warning("server URL " + url + " has no scheme; assuming https", "/servers/0/url", null);
      return "https:" + url;
    }
    diagnostics.warning("server URL " + url + " is relative; pass the base URL at run time", "/servers/0/url", null);
    return null;
  }

  /** The configured base URL, which must be an absolute http(s) URL; the spec's servers are not consulted. */
  private String overriddenBaseUrl() {
    if (!serverVariables.isEmpty()) {
      diagnostics.warning("serverVariables " + new TreeMap<>(serverVariables).keySet()
          + " are ignored: serverUrl " + serverUrl + " replaces the spec's servers", "/servers", null);
    }
    URI uri;
    try {
      uri = new URI(serverUrl);
    } catch (URISyntaxException e) {
      uri = null;
    }
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "serverUrl '" + serverUrl
          + "' is not an absolute http or https URL", null, null, null));
      return null;
    }
    return serverUrl;
  }

  /** Every configured server variable must be one the first server declares: a typo would go unnoticed. */
  private void unknownServerVariables(Map<String, ServerVariable> declared) {
    for (String name : new TreeMap<>(serverVariables).keySet()) {
      if (!declared.containsKey(name)) {
        diagnostics.error("server variable " + name + " is configured but the spec's first server declares "
            + (declared.isEmpty() ? "no variables" : "only " + new TreeMap<>(declared).keySet()), "/servers/0",
            null);
      }
    }
  }

  private Map<String, SecuritySchemeModel> securitySchemes() {
    Map<String, SecuritySchemeModel> supported = new TreeMap<>();
    if (components.getSecuritySchemes() == null) {
      return supported;
    }
    for (Map.Entry<String, SecurityScheme> entry : components.getSecuritySchemes().entrySet()) {
      String name = entry.getKey();
      SecurityScheme scheme = entry.getValue();
      String pointer = JsonPointers.append("/components/securitySchemes", name);
      SecuritySchemeModel model = scheme == null || scheme.getType() == null ? null : switch (scheme.getType()) {
        case APIKEY -> apiKey(name, scheme, pointer);
        case HTTP -> http(name, scheme, pointer);
        case OAUTH2 -> new SecuritySchemeModel(name, SecuritySchemeModel.Kind.OAUTH2, null, null,
            clientCredentials(scheme));
        case OPENIDCONNECT -> new SecuritySchemeModel(name, SecuritySchemeModel.Kind.OPENID_CONNECT, null, null);
        case MUTUALTLS -> unsupportedScheme(name, "mutualTLS", pointer);
      };
      if (model != null) {
        supported.put(name, model);
      } else if (scheme == null || scheme.getType() == null) {
        diagnostics.warning("security scheme " + name + " has no type; operations requiring it get no credentials",
            pointer, null);
      }
    }
    return supported;
  }

  /** The client-credentials flow of an oauth2 scheme, when it declares one with a token URL. */
  private static SecuritySchemeModel.ClientCredentials clientCredentials(SecurityScheme scheme) {
    if (scheme.getFlows() == null || scheme.getFlows().getClientCredentials() == null) {
      return null;
    }
    io.swagger.v3.oas.models.security.OAuthFlow flow = scheme.getFlows().getClientCredentials();
    if (flow.getTokenUrl() == null || flow.getTokenUrl().isBlank()) {
      return null;
    }
    List<String> scopes = flow.getScopes() == null ? List.of() : List.copyOf(flow.getScopes().keySet());
    return new SecuritySchemeModel.ClientCredentials(flow.getTokenUrl().strip(), scopes);
  }

  private SecuritySchemeModel apiKey(String name, SecurityScheme scheme, String pointer) {
    if (scheme.getIn() == null || scheme.getName() == null) {
      diagnostics.error("apiKey security scheme " + name + " needs both 'in' and 'name'", pointer, null);
      return null;
    }
    ParameterIn in = switch (scheme.getIn()) {
      case HEADER -> ParameterIn.HEADER;
      case QUERY -> ParameterIn.QUERY;
      case COOKIE -> ParameterIn.COOKIE;
    };
    return new SecuritySchemeModel(name, SecuritySchemeModel.Kind.API_KEY, in, scheme.getName());
  }

  private SecuritySchemeModel http(String name, SecurityScheme scheme, String pointer) {
    String kind = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "bearer" -> new SecuritySchemeModel(name, SecuritySchemeModel.Kind.HTTP_BEARER, null, null);
      case "basic" -> new SecuritySchemeModel(name, SecuritySchemeModel.Kind.HTTP_BASIC, null, null);
      default -> unsupportedScheme(name, "http '" + scheme.getScheme() + "'", pointer);
    };
  }

  private SecuritySchemeModel unsupportedScheme(String name, String type, String pointer) {
    diagnostics.warning("security scheme " + name + " of type " + type
        + " is not supported; requirements naming it are left out", pointer, null);
    return null;
  }

  private List<OperationModel> operations(OpenAPI api, Map<String, SecuritySchemeModel> schemes) {
    List<OperationModel> operations = new ArrayList<>();
    if (api.getPaths() == null) {
      return operations;
    }
    for (Map.Entry<String, PathItem> pathEntry : api.getPaths().entrySet()) {
      String path = pathEntry.getKey();
      PathItem item = pathEntry.getValue();
      if (item == null) {
        continue;
      }
      for (HttpMethod method : methodsInDocumentOrder(path)) {
        Operation operation = operation(item, method);
        if (operation != null) {
          operations.add(operation(path, item, method, operation, api.getSecurity(), schemes));
        }
      }
    }
    return operations;
  }

  /** Every method, those the document lists for {@code path} first and in its order, the rest after. */
  private List<HttpMethod> methodsInDocumentOrder(String path) {
    List<HttpMethod> methods = new ArrayList<>();
    for (String key : spec.methodOrder().getOrDefault(path, List.of())) {
      for (HttpMethod method : HttpMethod.values()) {
        if (method.name().equalsIgnoreCase(key) && !methods.contains(method)) {
          methods.add(method);
        }
      }
    }
    for (HttpMethod method : HttpMethod.values()) {
      if (!methods.contains(method)) {
        methods.add(method);
      }
    }
    return methods;
  }

  private static Operation operation(PathItem item, HttpMethod method) {
    return switch (method) {
      case GET -> item.getGet();
      case PUT -> item.getPut();
      case POST -> item.getPost();
      case DELETE -> item.getDelete();
      case OPTIONS -> item.getOptions();
      case HEAD -> item.getHead();
      case PATCH -> item.getPatch();
      case TRACE -> item.getTrace();
    };
  }

  private OperationModel operation(String path, PathItem item, HttpMethod method, Operation operation,
      List<SecurityRequirement> globalSecurity, Map<String, SecuritySchemeModel> schemes) {
    String pointer = JsonPointers.append("/paths", path, method.name().toLowerCase(Locale.ROOT));
    String operationId = operation.getOperationId();
    if (operation.getCallbacks() != null && !operation.getCallbacks().isEmpty()) {
      diagnostics.warning("callbacks are not turned into tools (" + operation.getCallbacks().size() + " ignored)",
          pointer + "/callbacks", operationId);
    }
    List<ParameterModel> parameters = parameters(item.getParameters(), operation.getParameters(),
        JsonPointers.append("/paths", path), pointer, operationId);
    BodyModel body = body(operation.getRequestBody(), pointer, operationId);
    List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity()
        : globalSecurity;
    List<List<String>> security = security(requirements, schemes, pointer, operationId);
    return new OperationModel(operationId, method, path, blankToNull(operation.getSummary()),
        blankToNull(operation.getDescription()), Boolean.TRUE.equals(operation.getDeprecated()), parameters, body,
        security, pointer, successResponse(operation.getResponses(), pointer), operation.getTags(),
        McpExtensions.operation(extensions(operation.getExtensions()), pointer, operationId, diagnostics),
        documentedResponses(operation.getResponses()));
  }

  /** Extension members as JSON; their values are plain maps, lists and scalars. */
  private JsonNode extensions(Map<String, Object> members) {
    return members == null || members.isEmpty() ? null : schemaMapper.valueToTree(members);
  }

  private List<DocumentedResponse> documentedResponses(ApiResponses responses) {
    List<DocumentedResponse> documented = new ArrayList<>();
    if (responses != null) {
      responses.forEach((status, response) -> {
        if (response != null && response.get$ref() != null) {
          response = lookup(components.getResponses(), response.get$ref(), "#/components/responses/");
        }
        documented.add(new DocumentedResponse(status, response == null ? null : response.getDescription()));
      });
    }
    return documented;
  }

  /** See {@link ResponseModel} for which response this is. */
  private ResponseModel successResponse(ApiResponses responses, String pointer) {
    if (responses == null || responses.isEmpty()) {
      return null;
    }
    List<String> success = new ArrayList<>();
    for (String status : responses.keySet()) {
      if (status.matches("2\\d\\d")) {
        success.add(status);
      }
    }
    success.sort(null);
    responses.keySet().stream().filter(status -> status.equalsIgnoreCase("2XX")).forEach(success::add);
    if (success.isEmpty() && responses.containsKey("default")) {
      success.add("default");
    }
    for (String status : success) {
      ApiResponse response = responses.get(status);
      if (response != null && response.get$ref() != null) {
        response = lookup(components.getResponses(), response.get$ref(), "#/components/responses/");
      }
      Content content = response == null ? null : response.getContent();
      if (content == null) {
        continue;
      }
      for (Map.Entry<String, MediaType> entry : content.entrySet()) {
        if (MediaTypes.isJson(entry.getKey()) && entry.getValue() != null && entry.getValue().getSchema() != null) {
          return new ResponseModel(status, entry.getKey(), tree(entry.getValue().getSchema()),
              JsonPointers.append(pointer, "responses", status, "content", entry.getKey(), "schema"));
        }
      }
    }
    return null;
  }

  private List<ParameterModel> parameters(List<Parameter> pathLevel, List<Parameter> operationLevel,
      String pathPointer, String pointer, String operationId) {
    Map<String, ParameterModel> merged = new LinkedHashMap<>();
    List<String> levelPointers = List.of(pathPointer + "/parameters", pointer + "/parameters");
    List<List<Parameter>> levels = Arrays.asList(pathLevel, operationLevel);
    for (int l = 0; l < levels.size(); l++) {
      List<Parameter> level = levels.get(l);
      if (level == null) {
        continue;
      }
      for (int i = 0; i < level.size(); i++) {
        Parameter raw = level.get(i);
        String at = raw.get$ref() != null && raw.get$ref().startsWith("#/")
            ? raw.get$ref().substring(1)
            : levelPointers.get(l) + "/" + i;
        ParameterModel parameter = parameter(raw, pointer, at, operationId);
        if (parameter != null) {
          // The operation's own definition replaces a path-level one with the same name and location.
          merged.put(parameter.in() + " " + parameter.name(), parameter);
        }
      }
    }
    return List.copyOf(merged.values());
  }

  /** @param at the JSON pointer of the parameter's definition, where its extensions are */
  private ParameterModel parameter(Parameter raw, String pointer, String at, String operationId) {
    Parameter parameter = raw;
    if (parameter.get$ref() != null) {
      parameter = lookup(components.getParameters(), parameter.get$ref(), "#/components/parameters/");
      if (parameter == null) {
        diagnostics.error("unresolved parameter reference " + raw.get$ref(), pointer + "/parameters", operationId);
        return null;
      }
    }
    if (parameter.getName() == null || parameter.getIn() == null) {
      return null; // swagger-parser already reported the missing attribute as an error
    }
    ParameterIn in;
    switch (parameter.getIn().toLowerCase(Locale.ROOT)) {
      case "path" -> in = ParameterIn.PATH;
      case "query" -> in = ParameterIn.QUERY;
      case "header" -> in = ParameterIn.HEADER;
      case "cookie" -> in = ParameterIn.COOKIE;
      default -> {
        return null; // reported by swagger-parser
      }
    }
    if (in == ParameterIn.HEADER && IGNORED_HEADERS.contains(parameter.getName().toLowerCase(Locale.ROOT))) {
      diagnostics.warning("header parameter " + parameter.getName()
          + " is ignored, as OpenAPI requires: the HTTP client sets it", pointer + "/parameters", operationId);
      return null;
    }
    Schema<?> schema = parameter.getSchema();
    if (schema == null && parameter.getContent() != null && !parameter.getContent().isEmpty()) {
      schema = parameter.getContent().values().iterator().next().getSchema();
      diagnostics.warning("parameter " + parameter.getName() + " is described by 'content'; it is sent as "
          + "plain text with the default style for its location", pointer + "/parameters", operationId);
    }
    String style = parameter.getStyle() == null ? null : parameter.getStyle().toString();
    return new ParameterModel(parameter.getName(), in, blankToNull(parameter.getDescription()),
        in == ParameterIn.PATH || Boolean.TRUE.equals(parameter.getRequired()),
        Boolean.TRUE.equals(parameter.getDeprecated()), tree(schema), style, parameter.getExplode(),
        McpExtensions.argument(extensions(parameter.getExtensions()), at, operationId, diagnostics));
  }

  private BodyModel body(RequestBody raw, String pointer, String operationId) {
    if (raw == null) {
      return null;
    }
    RequestBody body = raw;
    if (body.get$ref() != null) {
      body = lookup(components.getRequestBodies(), body.get$ref(), "#/components/requestBodies/");
      if (body == null) {
        diagnostics.error("unresolved request body reference " + raw.get$ref(), pointer + "/requestBody",
            operationId);
        return null;
      }
    }
    Content content = body.getContent();
    if (content == null || content.isEmpty()) {
      diagnostics.warning("request body lists no media type; the tool sends none", pointer + "/requestBody",
          operationId);
      return null;
    }
    // A multipart body is only sent part by part when its schema names the parts; else another type is better.
    String mediaType = MediaTypes.preferred(content.keySet(),
        type -> !MediaTypes.isMultipartForm(type) || namesParts(content.get(type)));
    MediaType chosen = content.get(mediaType);
    Schema<?> schema = chosen == null ? null : chosen.getSchema();
    String schemaPointer = JsonPointers.append(pointer, "requestBody", "content", mediaType, "schema");
    return new BodyModel(mediaType, Boolean.TRUE.equals(body.getRequired()), blankToNull(body.getDescription()),
        tree(schema), schemaPointer, partContentTypes(chosen), partStyles(chosen));
  }

  /** The encoding entries that set {@code style} or {@code explode}, with the OpenAPI defaults filled in. */
  private static Map<String, BodyModel.PartStyle> partStyles(MediaType mediaType) {
    Map<String, BodyModel.PartStyle> styles = new TreeMap<>();
    if (mediaType != null && mediaType.getEncoding() != null) {
      mediaType.getEncoding().forEach((property, encoding) -> {
        if (encoding != null && (encoding.getStyle() != null || encoding.getExplode() != null)) {
          String style = encoding.getStyle() != null ? encoding.getStyle().toString() : "form";
          boolean explode = encoding.getExplode() != null ? encoding.getExplode() : style.equals("form");
          styles.put(property, new BodyModel.PartStyle(style, explode));
        }
      });
    }
    return styles;
  }

  /** Whether the media type's schema, or one of its {@code allOf} parts, lists properties. */
  private boolean namesParts(MediaType mediaType) {
    Schema<?> schema = mediaType == null ? null : resolve(mediaType.getSchema());
    if (schema == null) {
      return false;
    }
    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
      return true;
    }
    if (schema.getAllOf() != null) {
      for (Schema<?> part : schema.getAllOf()) {
        Schema<?> resolved = resolve(part);
        if (resolved != null && resolved.getProperties() != null && !resolved.getProperties().isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code schema}, or the component its {@code $ref} names (one step), or null. */
  private Schema<?> resolve(Schema<?> schema) {
    if (schema == null || schema.get$ref() == null) {
      return schema;
    }
    return lookup(components.getSchemas(), schema.get$ref(), "#/components/schemas/");
  }

  private static Map<String, String> partContentTypes(MediaType mediaType) {
    Map<String, String> types = new TreeMap<>();
    if (mediaType != null && mediaType.getEncoding() != null) {
      mediaType.getEncoding().forEach((property, encoding) -> {
        if (encoding != null && encoding.getContentType() != null && !encoding.getContentType().isBlank()) {
          types.put(property, encoding.getContentType().strip());
        }
      });
    }
    return types;
  }

  private List<List<String>> security(List<SecurityRequirement> requirements,
      Map<String, SecuritySchemeModel> schemes, String pointer, String operationId) {
    List<List<String>> alternatives = new ArrayList<>();
    List<List<String>> anonymous = new ArrayList<>();
    if (requirements == null) {
      return alternatives;
    }
    Map<String, SecurityScheme> declared = components.getSecuritySchemes() == null
        ? Map.of()
        : components.getSecuritySchemes();
    for (SecurityRequirement requirement : requirements) {
      List<String> names = new ArrayList<>(requirement.keySet());
      boolean usable = true;
      for (String name : names) {
        if (!declared.containsKey(name)) {
          diagnostics.error("security requirement names undefined scheme " + name, pointer + "/security",
              operationId);
          usable = false;
        } else if (!schemes.containsKey(name)) {
          usable = false; // the scheme itself was reported as unsupported
        }
      }
      if (!usable) {
        continue;
      }
      // Optional authentication ({} among the alternatives) goes last, so that configured credentials are used.
      (names.isEmpty() ? anonymous : alternatives).add(names);
    }
    if (!anonymous.isEmpty()) {
      alternatives.add(List.of());
    }
    return alternatives;
  }

  private Map<String, JsonNode> componentSchemas() {
    Map<String, JsonNode> schemas = new LinkedHashMap<>();
    if (components.getSchemas() != null) {
      components.getSchemas().forEach((name, schema) -> schemas.put(name, tree(schema)));
    }
    return schemas;
  }

  /** The schema as the spec wrote it, in its own dialect; the schema stage does the conversion. */
  private JsonNode tree(Schema<?> schema) {
    return schema == null ? schemaMapper.createObjectNode() : schemaMapper.valueToTree(schema);
  }

  private static <T> T lookup(Map<String, T> map, String ref, String prefix) {
    if (map == null || !ref.startsWith(prefix)) {
      return null;
    }
    return map.get(JsonPointers.unescape(ref.substring(prefix.length())));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
