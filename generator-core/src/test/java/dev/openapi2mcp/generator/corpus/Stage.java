package dev.openapi2mcp.generator.corpus;

/** The steps a corpus spec goes through, in order; a spec that passes all of them has reached {@link #PASSED}. */
enum Stage {
  /** {@code Generator.run} into a fresh directory. */
  GENERATE,
  /** javac in-process with {@code -Xlint:all -Werror} against the test class path. */
  COMPILE,
  /** the generated server as a subprocess over stdio: {@code initialize} answered. */
  START,
  /** {@code tools/list} through every page: as many tools as the generator made, names valid and unique. */
  LIST,
  /** every input and output schema valid against the 2020-12 meta-schema, loadable, its {@code $ref}s resolved. */
  SCHEMAS,
  PASSED;

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
