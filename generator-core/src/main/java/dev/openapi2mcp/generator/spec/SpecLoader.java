package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Loads an OpenAPI 3.0/3.1 or Swagger 2.0 description with swagger-parser.
 *
 * <p>References are resolved (external files pulled in) but not inlined: schema {@code $ref}s stay, so that the
 * schema converter can tell recursive schemas apart. Every parser message becomes a diagnostic; the load fails
 * if any of them is an error, listing all of them at once.
 */
public final class SpecLoader {

  /**
   * Parser messages about faults the later stages repair, reported as warnings: an array schema without
   * {@code items} gets {@code items: {}}, a repeated operationId gets a numbered tool name, unknown
   * attributes are ignored by every stage anyway, and a {@code default} that does not fit its schema's type
   * is left out by the parser (issue 3: crediwatch.com, ticketmaster.com), which costs a hint, not a tool.
   */
  private static final List<Pattern> TOLERATED = List.of(
      Pattern.compile("\\.items is missing$"),
      Pattern.compile("\\.operationId is repeated$"),
      Pattern.compile(" is unexpected$"),
      Pattern.compile("\\.default(=`[^`]*`)? is not of type `[\\w-]+`$"),
      // swagger-parser's whole message for a contact or license URL it does not accept (zeit.co: "zeit.co"):
      // metadata no tool uses.
      Pattern.compile("^info\\.(contact|license)\\."));

  private SpecLoader() {}

  /**
   * Parses {@code inputSpec}, recording parser warnings in {@code diagnostics}.
   *
   * @throws GenerationException when the spec is missing, unreadable, not an OpenAPI description, or has errors
   */
  public static LoadedSpec load(String inputSpec, Diagnostics diagnostics) throws GenerationException {
    return load(inputSpec, false, diagnostics);
  }

  /**
   * Parses {@code inputSpec}, recording parser warnings in {@code diagnostics}.
   *
   * @param allowRemoteRefs whether {@code http(s)} {@code $ref}s may be fetched and local ones may lead out of the
   *     spec's directory; when false, each such reference found in the spec or the local files it refers to is an
   *     error naming the reference, its file and its JSON pointer, and nothing is fetched or read
   * @throws GenerationException when the spec is missing, unreadable, beyond {@link DocumentLimits}, not an OpenAPI
   *     description, has errors, or has references that are not allowed
   */
  public static LoadedSpec load(String inputSpec, boolean allowRemoteRefs, Diagnostics diagnostics)
      throws GenerationException {
    SpecSource source;
    try {
      source = SpecSource.of(inputSpec);
    } catch (IllegalArgumentException e) {
      diagnostics.error(e.getMessage(), null, null);
      throw new GenerationException("Cannot read the OpenAPI description", diagnostics.all());
    }
    if (!source.exists()) {
      diagnostics.error("OpenAPI description not found: " + source.file(), null, null);
      throw new GenerationException("Cannot read the OpenAPI description", diagnostics.all());
    }

    String remoteText = null;
    if (source.isRemote()) {
      // Read once, before the parser: it would fetch the URL again and log its own stack trace for the failure.
      try {
        remoteText = source.readText();
      } catch (IOException e) {
        diagnostics.error(cannotRead(source, e), null, null);
        throw new GenerationException("Cannot read the OpenAPI description", diagnostics.all());
      }
    }
    JsonNode raw = rawTree(source, remoteText, diagnostics);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    // Keep style/explode absent where the spec leaves them out: an Encoding Object without them means "serialize
    // by content type" (objects as JSON), not "form, exploded"; the model applies the defaults itself.
    options.setExplicitStyleAndExplode(false);
    CompletableFuture<SwaggerParseResult> early = EarlyParse.start(source, raw, options);
    try {
      // Before the parser resolves anything: it would fetch, or read, what the scan refuses.
      for (ReferenceScanner.Refusal refusal : ReferenceScanner.scan(source, raw, allowRemoteRefs)) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, refusal.message(), refusal.file(),
            refusal.pointer(), null));
      }
      diagnostics.throwIfErrors("The OpenAPI description " + source.display()
          + " refers to documents that are not read");
      for (RefCycles.Cycle cycle : RefCycles.find(raw)) {
        diagnostics.error("$ref cycle " + String.join(" -> ", cycle.chain()) + ": the references lead back to"
            + " themselves and define nothing", cycle.pointer() + "/$ref", null);
      }
      diagnostics.throwIfErrors("The OpenAPI description " + source.display() + " has $ref cycles");
    } catch (GenerationException e) {
      EarlyParse.abandon(early);
      throw e;
    }

    SwaggerParseResult result;
    try {
      result = parse(source, raw, options, early, diagnostics);
    } catch (RuntimeException e) {
      diagnostics.error("swagger-parser failed: " + e, null, null);
      throw new GenerationException("Cannot parse the OpenAPI description " + source.display(), diagnostics.all());
    }
    List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();

    if (result == null || result.getOpenAPI() == null) {
      if (messages.isEmpty()) {
        diagnostics.error(explainUnparsable(source), null, null);
      } else {
        report(messages, raw, diagnostics, true);
      }
      throw new GenerationException("Cannot parse the OpenAPI description " + source.display(), diagnostics.all());
    }
    report(messages, raw, diagnostics, false);
    diagnostics.throwIfErrors("The OpenAPI description " + source.display() + " has errors");
    boolean openApi31 = result.getOpenAPI().getSpecVersion() == SpecVersion.V31;
    return new LoadedSpec(result.getOpenAPI(), source.display(), openApi31, methodOrder(raw));
  }

  /**
   * Parses the description at its location, so that relative references resolve against it. An OpenAPI 3 document
   * that swagger-parser would misread is parsed from a repaired copy (against its location when it refers to other
   * files): discriminator mappings that name missing files dropped ({@link DanglingMappings}), component references
   * of the wrong kind read as meant ({@link MisdirectedRefs}), both with warnings; then local references other than
   * plain component references inlined ({@link LocalRefInliner}). A document that needs none of this is taken
   * from {@code early} when that read it ({@link EarlyParse}).
   */
  private static SwaggerParseResult parse(SpecSource source, JsonNode raw, ParseOptions options,
      CompletableFuture<SwaggerParseResult> early, Diagnostics diagnostics) {
    if (raw == null || !raw.has("openapi")) {
      return new OpenAPIParser().readLocation(source.parserLocation(), null, options);
    }
    List<String> dangling = source.isRemote() ? List.of() : DanglingMappings.find(raw, source.file().getParent());
    List<MisdirectedRefs.Fix> misdirected = MisdirectedRefs.find(raw);
    boolean inline = LocalRefInliner.needed(raw);
    if (dangling.isEmpty() && misdirected.isEmpty() && !inline) {
      SwaggerParseResult read = EarlyParse.finish(early, source, options);
      return read != null ? read : new OpenAPIParser().readLocation(source.parserLocation(), null, options);
    }
    EarlyParse.abandon(early);
    JsonNode repaired = raw.deepCopy();
    DanglingMappings.drop(repaired, dangling, diagnostics);
    MisdirectedRefs.apply(repaired, misdirected, diagnostics);
    if (LocalRefInliner.needed(repaired)) {
      repaired = LocalRefInliner.inline(repaired);
    }
    String text;
    try {
      text = Json.mapper().writeValueAsString(repaired);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the repaired description", e);
    }
    // Given a location, swagger-parser reads some internal references from the file again (codat.io: references
    // inside component schemas), bringing back what was repaired; it needs the location only for relative files.
    String location = LocalRefInliner.hasNonLocalRefs(raw) ? source.parserLocation() : null;
    return location == null ? new OpenAPIV3Parser().readContents(text, null, options)
        : new OpenAPIV3Parser().readContents(text, null, options, location);
  }

  /** The parsed model keeps paths in order but not the methods within a path; the raw document does. */
  private static Map<String, List<String>> methodOrder(JsonNode raw) {
    Map<String, List<String>> order = new HashMap<>();
    JsonNode paths = raw == null ? null : raw.get("paths");
    if (paths == null || !paths.isObject()) {
      return order;
    }
    paths.properties().forEach(path -> {
      List<String> methods = new ArrayList<>();
      path.getValue().fieldNames().forEachRemaining(key -> methods.add(key.toLowerCase(Locale.ROOT)));
      order.put(path.getKey(), methods);
    });
    return order;
  }

  private static void report(List<String> messages, JsonNode raw, Diagnostics diagnostics, boolean allErrors) {
    ParserMessageLocator locator = new ParserMessageLocator(raw);
    for (String message : messages) {
      String pointer = locator.pointer(message);
      boolean tolerated = !allErrors && TOLERATED.stream().anyMatch(p -> p.matcher(message).find());
      diagnostics.add(new Diagnostic(
          tolerated ? Diagnostic.Severity.WARNING : Diagnostic.Severity.ERROR,
          message,
          diagnostics.file(),
          pointer,
          locator.operationId(pointer)));
    }
  }

  /**
   * The document as a tree, read as swagger-parser reads it; the loader checks it, locates the parser's messages in
   * it, and the parser reads it ({@link EarlyParse}). Null when it cannot be read. {@code remoteText} is the
   * text of a remote document, already fetched.
   *
   * @throws GenerationException when the document is beyond {@link DocumentLimits}: the parser would read it again
   *     and exhaust the build where this read stopped
   */
  private static JsonNode rawTree(SpecSource source, String remoteText, Diagnostics diagnostics)
      throws GenerationException {
    try {
      if (!source.isRemote()) {
        return DocumentLimits.readTree(source.file());
      }
      return DocumentLimits.yamlTree(remoteText, source.parserLocation());
    } catch (DocumentLimits.LimitExceeded e) {
      diagnostics.error(e.getMessage(), e.pointer(), null);
      throw new GenerationException("The OpenAPI description " + source.display()
          + " is beyond the limits of what is read", diagnostics.all());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String cannotRead(SpecSource source, IOException e) {
    return "cannot read the OpenAPI description " + source.display() + ": " + source.cause(e);
  }

  /** The parser said nothing useful: find out ourselves whether reading or parsing failed. */
  private static String explainUnparsable(SpecSource source) {
    String text;
    try {
      text = source.readText();
    } catch (IOException e) {
      return cannotRead(source, e);
    }
    JsonNode tree;
    try {
      tree = DeserializationUtils.deserializeIntoTree(text, source.parserLocation());
    } catch (RuntimeException e) {
      return "the OpenAPI description is neither valid JSON nor YAML: " + oneLine(e.getMessage());
    }
    if (tree == null || !tree.isObject()) {
      return "the OpenAPI description is not a JSON or YAML object: " + source.display();
    }
    return "the OpenAPI description has neither an 'openapi' nor a 'swagger' version field that swagger-parser accepts: "
        + source.display();
  }

  /** The parser's message on one line, without the exception class names it wraps it in. */
  private static String oneLine(String text) {
    if (text == null) {
      return "unknown syntax error";
    }
    String collapsed = text.replaceAll("\\s+", " ").strip();
    return collapsed.replaceAll("^([\\w.$]+(Exception|Error): )+", "");
  }
}
