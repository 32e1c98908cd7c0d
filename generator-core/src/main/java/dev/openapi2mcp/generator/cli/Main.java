package dev.openapi2mcp.generator.cli;

/** The entry point of {@code openapi2mcp-cli.jar}; see {@link Cli} and {@link Usage}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    configureLogging();
    System.exit(new Cli(System.out, System.err).run(args));
  }

  /**
   * Libraries (swagger-parser) log through SLF4J to the simple backend, on stderr. Only their warnings and errors
   * are shown: our own diagnostics already report what the user must act on, and info lines would bury them.
   * A {@code -Dorg.slf4j.simpleLogger...} given on the command line wins.
   */
  private static void configureLogging() {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
