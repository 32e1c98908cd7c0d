package dev.openapi2mcp.generator;

/**
 * The one entry point: spec → model → Java sources. See DESIGN.md for the pipeline.
 *
 * <p>Invariants: the output is a pure function of the config and the spec (byte-identical across runs, no
 * timestamps); a run that fails leaves the output directory as it was; files whose content is unchanged are
 * not rewritten (so incremental builds stay incremental).
 */
public final class Generator {
  private Generator() {}

  public static GenerationResult run(GeneratorConfig config) throws GenerationException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
