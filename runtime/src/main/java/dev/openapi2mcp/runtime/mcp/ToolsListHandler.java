package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** {@code tools/list}: one page of the catalog. */
final class ToolsListHandler implements MethodHandler {
  private final ToolCatalog catalog;
  private final int pageSize;

  ToolsListHandler(ToolCatalog catalog, int pageSize) {
    this.catalog = catalog;
    this.pageSize = pageSize;
  }

  @Override
  public CompletableFuture<JsonNode> handle(RequestContext context) throws JsonRpcException {
    JsonNode cursor = context.params().get("cursor");
    if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
      throw JsonRpcException.invalidParams("tools/list: \"cursor\" must be a string");
    }
    String text = cursor == null || cursor.isNull() ? null : cursor.textValue();
    return CompletableFuture.completedFuture(catalog.page(text, pageSize, context.revision()));
  }
}
