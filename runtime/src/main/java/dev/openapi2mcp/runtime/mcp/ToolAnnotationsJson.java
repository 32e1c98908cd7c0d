package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ToolAnnotations;

/**
 * A tool's {@code annotations} as {@code tools/list} shows them: only what a client could not infer from MCP's
 * defaults (issue 6). {@code tools/list} is sent to the model on every conversation, so a hint that merely
 * restates a default costs tokens and tells nothing.
 *
 * <p>The defaults are those of {@code ToolAnnotations} in the MCP schema: {@code readOnlyHint} false;
 * {@code destructiveHint} true and {@code idempotentHint} false, both meaningful only when the tool is not
 * read-only; {@code openWorldHint} true. So a hint is written only when it is set to the other value, and the
 * destructive and idempotent hints of a read-only tool are never written. {@code title} is left out when the
 * revision already carries the same text as the tool's own {@code title}. The {@link ToolAnnotations} keep every
 * fact as given; only the wire form is lean, and a client that applies the defaults reads the same meaning.
 *
 * <p>Invariant: the result is empty exactly when every hint means its default and the title adds nothing;
 * callers then leave {@code annotations} out.
 */
final class ToolAnnotationsJson {
  private ToolAnnotationsJson() {}

  /**
   * @param annotations the tool's annotations, as defined
   * @param toolTitle the tool's top-level title, or null
   * @param toolTitleShown whether the revision shows the top-level title ({@link ProtocolRevision#hasTitles()})
   */
  static ObjectNode render(ToolAnnotations annotations, String toolTitle, boolean toolTitleShown) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    String title = annotations.title();
    if (title != null && !(toolTitleShown && title.equals(toolTitle))) {
      node.put("title", title);
    }
    boolean readOnly = Boolean.TRUE.equals(annotations.readOnlyHint());
    if (readOnly) {
      node.put("readOnlyHint", true);
    } else {
      if (Boolean.FALSE.equals(annotations.destructiveHint())) {
        node.put("destructiveHint", false);
      }
      if (Boolean.TRUE.equals(annotations.idempotentHint())) {
        node.put("idempotentHint", true);
      }
    }
    if (Boolean.FALSE.equals(annotations.openWorldHint())) {
      node.put("openWorldHint", false);
    }
    return node;
  }
}
