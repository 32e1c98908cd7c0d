package dev.openapi2mcp.runtime.mcp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The MCP protocol revisions this server speaks, newest first, and what each one has on the wire.
 *
 * <p>The dispatcher and the serializers ask a revision for a feature instead of comparing dates, so a new revision
 * (such as the stateless 2026 one) is one more constant with its own feature set.
 */
public enum ProtocolRevision {
  V2025_11_25("2025-11-25", true, true, true, true, Elicitation.MODES),
  V2025_06_18("2025-06-18", true, true, true, true, Elicitation.FORM_ONLY),
  V2025_03_26("2025-03-26", false, true, false, true, Elicitation.NONE),
  V2024_11_05("2024-11-05", false, false, false, false, Elicitation.NONE);

  /** How a revision has {@code elicitation/create}. */
  private enum Elicitation {
    /** Not at all. */
    NONE,
    /** Form requests without a {@code mode}; the client capability is an empty object. */
    FORM_ONLY,
    /** Form and URL modes, each with its own client capability; a request names its {@code mode}. */
    MODES
  }

  /** What a client gets when it asks for a revision this server does not know. */
  public static final ProtocolRevision LATEST = V2025_11_25;

  private final String id;
  private final boolean titles;
  private final boolean toolAnnotations;
  private final boolean structuredOutput;
  private final boolean audioContent;
  private final Elicitation elicitation;

  ProtocolRevision(String id, boolean titles, boolean toolAnnotations, boolean structuredOutput,
      boolean audioContent, Elicitation elicitation) {
    this.id = id;
    this.titles = titles;
    this.toolAnnotations = toolAnnotations;
    this.structuredOutput = structuredOutput;
    this.audioContent = audioContent;
    this.elicitation = elicitation;
  }

  /** The revision's date string, as sent in {@code protocolVersion} and {@code MCP-Protocol-Version}. */
  public String id() {
    return id;
  }

  /** Whether tools and implementations carry a top-level {@code title} (from 2025-06-18). */
  public boolean hasTitles() {
    return titles;
  }

  /** Whether tools carry {@code annotations} (from 2025-03-26). */
  public boolean hasToolAnnotations() {
    return toolAnnotations;
  }

  /** Whether tools carry {@code outputSchema} and results {@code structuredContent} (from 2025-06-18). */
  public boolean hasStructuredOutput() {
    return structuredOutput;
  }

  /** Whether results may hold {@code audio} content blocks (from 2025-03-26). */
  public boolean hasAudioContent() {
    return audioContent;
  }

  /** Whether the server may send {@code elicitation/create} to a client that declared the capability (2025-06-18). */
  public boolean hasElicitation() {
    return elicitation != Elicitation.NONE;
  }

  /**
   * Whether elicitation has modes (from 2025-11-25): requests carry {@code mode} and the client capability says
   * which modes it supports; an empty capability object still means form mode.
   */
  public boolean hasElicitationModes() {
    return elicitation == Elicitation.MODES;
  }

  /** The revision with this id, if the server supports it. */
  public static Optional<ProtocolRevision> find(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /**
   * The revision to answer an {@code initialize} with: the requested one when supported, else {@link #LATEST}
   * (the client then decides whether it can speak it).
   */
  public static ProtocolRevision negotiate(String requested) {
    return find(requested).orElse(LATEST);
  }

  /** The ids of all supported revisions, preferred first. */
  public static List<String> supportedIds() {
    return Arrays.stream(values()).map(ProtocolRevision::id).toList();
  }
}
