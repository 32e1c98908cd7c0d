package dev.openapi2mcp.generator.tool;

/**
 * What {@code tools/list} leaves out by default and can be asked to keep (issue 6). The listing goes to the model in
 * every conversation, so each default leaves out only what the model cannot use to choose or call a tool; each
 * switch brings one thing back. See docs/customization.md, "What the listing leaves out, and how to bring it back".
 *
 * @param repeatedTitles keep a tool's title when the description already begins with the same text. Off by default:
 *     the title comes from the summary, which is also the description's first line, and most clients hand the model
 *     only name, description and input schema; clients that show titles to people show the name instead. A title
 *     chosen in an overrides file or {@code x-mcp-title} is always kept
 * @param referenceSentences keep the sentences whose only point was a link ("For more information, see X."), whose
 *     target is stripped anyway. Off by default: they point at nothing the model can open
 */
public record ListingOptions(boolean repeatedTitles, boolean referenceSentences) {

  /** The defaults: repeated titles and reference-only sentences left out. */
  public static final ListingOptions DEFAULT = new ListingOptions(false, false);

  /** Everything kept: the listing before issue 6's text rules. */
  public static final ListingOptions KEEP_ALL = new ListingOptions(true, true);

  public ListingOptions withRepeatedTitles(boolean keep) {
    return new ListingOptions(keep, referenceSentences);
  }

  public ListingOptions withReferenceSentences(boolean keep) {
    return new ListingOptions(repeatedTitles, keep);
  }
}
