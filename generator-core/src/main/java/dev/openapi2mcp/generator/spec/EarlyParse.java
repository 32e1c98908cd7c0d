package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.concurrent.Tasks;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * swagger-parser's reading of an OpenAPI 3.0 document, started on another core while the loader checks the same
 * tree for remote references and repairs (issue 6: on GitHub's description the two took about as long as each
 * other, one after the other).
 *
 * <p>Only the tree the loader already holds is read, and reading builds the model without fetching anything:
 * references are resolved in {@link #finish}, after the checks have allowed it. swagger-parser does not change the
 * tree it reads, so both sides may walk it at once. The result is the one {@code OpenAPIParser.readLocation} gives
 * for the same document, which reads the file into the same kind of tree and then does these two steps; a document
 * it cannot read into a model goes the long way, so that its messages are the parser's usual ones.
 */
final class EarlyParse {
  private EarlyParse() {}

  /** Starts reading {@code raw} when it is an OpenAPI 3.0 document; else null. */
  static CompletableFuture<SwaggerParseResult> start(SpecSource source, JsonNode raw, ParseOptions options) {
    if (raw == null || !raw.path("openapi").asText("").startsWith("3.0")) {
      return null;
    }
    return CompletableFuture.supplyAsync(() -> new OpenAPIV3Parser().parseJsonNode(location(source), raw, options));
  }

  /**
   * The early read with its references resolved, or null when there is none ({@code early} null) or it made no
   * model.
   *
   * @throws RuntimeException what swagger-parser threw
   */
  static SwaggerParseResult finish(CompletableFuture<SwaggerParseResult> early, SpecSource source,
      ParseOptions options) {
    if (early == null) {
      return null;
    }
    SwaggerParseResult result = Tasks.join(early);
    if (result == null || result.getOpenAPI() == null) {
      return null;
    }
    new OpenAPIResolver(result.getOpenAPI(), List.of(), location(source), null, options).resolve(result);
    return result;
  }

  /** Drops an early read that will not be used; null does nothing. */
  static void abandon(CompletableFuture<SwaggerParseResult> early) {
    if (early != null) {
      early.cancel(false);
    }
  }

  private static String location(SpecSource source) {
    return source.parserLocation().replace('\\', '/');
  }
}
