package dev.openapi2mcp.examples.catalog;

import dev.openapi2mcp.examples.catalog.demo.DemoCatalog;
import dev.openapi2mcp.runtime.McpServerMain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The example jar's entry point (issue 4): the generated catalog of the inventory, orders and users APIs with the
 * example's hand-written tool and hooks ({@link CatalogExtensions}), plus {@code --demo}, which starts the three
 * demo APIs on loopback, points the server at them and supplies their credentials.
 */
public final class CatalogMain {
  static final String DEMO = "--demo";
  static final List<String> HELP = List.of(
      "  --demo                   start three in-memory demo APIs (inventory, orders, users) on 127.0.0.1",
      "                           with their credentials, and use them (not with --base-url)");

  private CatalogMain() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(List.of(args)));
  }

  static int run(List<String> args) throws IOException {
    if (!args.contains(DEMO)) {
      return McpServerMain.run(CatalogExtensions.definition(), args.toArray(String[]::new), HELP);
    }
    if (args.stream().anyMatch(arg -> arg.equals("--base-url") || arg.startsWith("--base-url="))) {
      System.err.println("openapi2mcp: " + DEMO + " sets the base URLs itself; leave out --base-url");
      return 2;
    }
    try (DemoCatalog demo = DemoCatalog.start(System.err)) {
      List<String> withDemo = new ArrayList<>(args);
      withDemo.removeIf(DEMO::equals);
      withDemo.addAll(demo.baseUrlArguments());
      List<String> urls = demo.baseUrlArguments();
      for (int i = 1; i < urls.size(); i += 2) {
        System.err.println("demo-api: " + urls.get(i).replace("=", " API at "));
      }
      return McpServerMain.run(CatalogExtensions.definition(), withDemo.toArray(String[]::new), HELP,
          Map.copyOf(DemoCatalog.environment()));
    }
  }
}
