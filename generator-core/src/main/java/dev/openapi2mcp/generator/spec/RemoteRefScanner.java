package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@code $ref}s that would make swagger-parser fetch something over the network, before it does.
 *
 * <p>A reference is remote when it is an absolute {@code http(s)} URL. The scan reads the root document and every
 * local file it refers to, directly or through other local files, and lists each remote reference with the file
 * and JSON pointer it sits at, in document order. Relative references of a spec that was itself loaded from a URL
 * are not remote in this sense: they name the documents beside it, which the user asked for by giving the URL;
 * such a spec's root is still scanned for absolute URLs.
 *
 * <p>Files that cannot be read or parsed are skipped: the parser reports them with better messages.
 */
final class RemoteRefScanner {

  /** One remote reference: its text, the file it is in (as shown to the user) and the pointer of its node. */
  record RemoteRef(String ref, String file, String pointer) {}

  private RemoteRefScanner() {}

  static List<RemoteRef> scan(SpecSource source, JsonNode rootTree) {
    List<RemoteRef> found = new ArrayList<>();
    if (rootTree == null) {
      return found;
    }
    if (source.isRemote()) {
      collect(rootTree, new TreePath(), source.display(), found, new ArrayList<>());
      return found;
    }
    Deque<Path> pending = new ArrayDeque<>();
    Set<Path> seen = new HashSet<>();
    Path root = source.file();
    seen.add(root);
    List<Path> localTargets = new ArrayList<>();
    collect(rootTree, new TreePath(), source.display(), found, localTargets);
    enqueue(root, localTargets, pending, seen);
    while (!pending.isEmpty()) {
      Path file = pending.pop();
      JsonNode tree = read(file);
      if (tree == null) {
        continue;
      }
      List<Path> more = new ArrayList<>();
      collect(tree, new TreePath(), file.toString(), found, more);
      enqueue(file, more, pending, seen);
    }
    return found;
  }

  private static void enqueue(Path from, List<Path> targets, Deque<Path> pending, Set<Path> seen) {
    for (Path target : targets) {
      Path resolved = target.isAbsolute() ? target : from.resolveSibling(target);
      resolved = resolved.toAbsolutePath().normalize();
      if (seen.add(resolved)) {
        pending.add(resolved);
      }
    }
  }

  /**
   * Walks {@code node}, adding remote references to {@code found} and the files of relative ones to
   * {@code localTargets} (relative to the file being walked, or absolute for {@code file:} URLs).
   */
  private static void collect(JsonNode node, TreePath at, String file, List<RemoteRef> found,
      List<Path> localTargets) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (field.getKey().equals("$ref") && value.isTextual()) {
          at.push(field.getKey());
          classify(value.asText(), at, file, found, localTargets);
          at.pop();
        } else if (value.isContainerNode()) {
          at.push(field.getKey());
          collect(value, at, file, found, localTargets);
          at.pop();
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (element.isContainerNode()) {
          at.push(i);
          collect(element, at, file, found, localTargets);
          at.pop();
        }
      }
    }
  }

  private static void classify(String ref, TreePath at, String file, List<RemoteRef> found,
      List<Path> localTargets) {
    String target = ref.strip();
    int hash = target.indexOf('#');
    String document = hash < 0 ? target : target.substring(0, hash);
    if (document.isEmpty()) {
      return; // a reference within the same document
    }
    String lower = document.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      found.add(new RemoteRef(ref, file, at.pointer()));
      return;
    }
    try {
      URI uri = new URI(document.replace(" ", "%20"));
      if (uri.getScheme() == null) {
        localTargets.add(Path.of(uri.getPath()));
      } else if (uri.getScheme().equalsIgnoreCase("file")) {
        localTargets.add(Path.of(uri));
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a URI reference: a plain path, perhaps, or garbage the parser will report.
      try {
        localTargets.add(Path.of(document));
      } catch (InvalidPathException invalid) {
        // nothing to scan
      }
    }
  }

  private static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return DeserializationUtils.deserializeIntoTree(Files.readString(file, StandardCharsets.UTF_8),
          file.toString());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
