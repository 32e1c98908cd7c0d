package dev.openapi2mcp.examples.petstore;

import dev.openapi2mcp.examples.petstore.demo.DemoPetstoreApi;
import dev.openapi2mcp.examples.petstore.generated.PetstoreServer;
import dev.openapi2mcp.runtime.McpServerMain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The example jar's entry point: the generated Petstore server, plus {@code --demo}, which starts an embedded
 * in-memory Petstore API and points the server at it. Everything else is {@link McpServerMain}'s command line.
 */
public final class PetstoreDemoMain {

  static final String DEMO = "--demo";
  static final String BASE_URL = "--base-url";
  /** Lines for {@code --help}, in the runtime's layout (descriptions in column 28). */
  static final List<String> HELP = List.of(
      "  --demo                   start an embedded in-memory Petstore API (pets 1 to 5) on 127.0.0.1",
      "                           and use it as the base URL (not with --base-url)");

  private PetstoreDemoMain() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(List.of(args)));
  }

  static int run(List<String> args) throws IOException {
    if (!args.contains(DEMO)) {
      return McpServerMain.run(PetstoreServer.definition(), args.toArray(String[]::new), HELP);
    }
    if (givesBaseUrl(args)) {
      System.err.println("openapi2mcp: " + DEMO + " sets the base URL itself; leave out " + BASE_URL);
      return 2;
    }
    try (DemoPetstoreApi api = DemoPetstoreApi.start()) {
      System.err.println("demo-api: in-memory Petstore API at " + api.baseUrl());
      return McpServerMain.run(PetstoreServer.definition(), withDemo(args, api.baseUrl()), HELP);
    }
  }

  /** {@code args} without {@code --demo}, followed by {@code --base-url demoBaseUrl}. */
  static String[] withDemo(List<String> args, String demoBaseUrl) {
    List<String> result = new ArrayList<>(args);
    result.removeIf(DEMO::equals);
    result.add(BASE_URL);
    result.add(demoBaseUrl);
    return result.toArray(String[]::new);
  }

  private static boolean givesBaseUrl(List<String> args) {
    return args.stream().anyMatch(arg -> arg.equals(BASE_URL) || arg.startsWith(BASE_URL + "="));
  }
}
