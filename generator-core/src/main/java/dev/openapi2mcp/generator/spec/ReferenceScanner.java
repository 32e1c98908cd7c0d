package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
 * Finds, before swagger-parser follows any {@code $ref}, the references that would make it read something the spec
 * has no business reading: a document over the network, or a file outside the spec's own directory.
 *
 * <p>A reference is remote when it is an absolute {@code http(s)} URL. A local reference (a relative or absolute
 * path, or a {@code file:} URL) is confined to the directory that holds the root spec and the directories below
 * it: a description that refers to {@code ../../../../etc/passwd} or {@code file:///home/me/.config/gh/hosts.yml}
 * would otherwise copy whatever that file holds into the generated server, which is then built and shipped.
 * Confinement is checked on real paths, so a symbolic link inside the directory cannot lead out of it.
 *
 * <p>The scan reads the root document and every local file it refers to within the confinement, directly or
 * through other local files, and lists each refused reference with the file and JSON pointer it sits at: file by
 * file, each file's remote references in document order, then its local ones. Each file it reads passes the same
 * limits as the root ({@link DocumentLimits}); one that does not is refused too. Relative references of a spec
 * that was itself loaded from a URL are not remote in this sense: they name the documents beside it, which the
 * user asked for by giving the URL; such a spec's root is still scanned for absolute URLs and for {@code file:}
 * URLs, which it may not use.
 *
 * <p>Files that cannot be read or parsed are skipped: the parser reports them with better messages.
 */
final class ReferenceScanner {

  /** Why a reference may not be followed, the file it is in (as shown to the user) and the pointer of its node. */
  record Refusal(String message, String file, String pointer) {}

  /** A reference to a local file, and where it was found; {@code fileUrl} when it was given as a {@code file:} URL. */
  private record LocalRef(String ref, Path target, String pointer, boolean fileUrl) {}

  private ReferenceScanner() {}

  /**
   * The references of the spec and the local files it refers to that may not be followed.
   *
   * @param allowRemote whether remote and out-of-directory references are allowed; files are still checked against
   *     {@link DocumentLimits}
   */
  static List<Refusal> scan(SpecSource source, JsonNode rootTree, boolean allowRemote) {
    List<Refusal> refused = new ArrayList<>();
    if (rootTree == null) {
      return refused;
    }
    if (source.isRemote()) {
      List<LocalRef> local = new ArrayList<>();
      collect(rootTree, new TreePath(), source.display(), allowRemote, refused, local);
      for (LocalRef ref : local) {
        if (ref.fileUrl() && !allowRemote) {
          refused.add(new Refusal("local $ref " + ref.ref() + " is not read: a spec loaded from a URL may not refer"
              + " to files on this machine", source.display(), ref.pointer()));
        }
      }
      return refused;
    }
    Path root = source.file();
    Path confinement = realDirectory(root.getParent());
    Deque<Path> pending = new ArrayDeque<>();
    Set<Path> seen = new HashSet<>();
    seen.add(root);
    List<LocalRef> local = new ArrayList<>();
    collect(rootTree, new TreePath(), source.display(), allowRemote, refused, local);
    enqueue(root, source.display(), local, confinement, allowRemote, pending, seen, refused);
    while (!pending.isEmpty()) {
      Path file = pending.pop();
      if (!Files.isRegularFile(file)) {
        continue;
      }
      JsonNode tree;
      try {
        tree = DocumentLimits.readTree(file);
      } catch (DocumentLimits.LimitExceeded e) {
        refused.add(new Refusal(e.getMessage(), file.toString(), e.pointer()));
        continue;
      } catch (IOException | RuntimeException e) {
        continue;
      }
      if (tree == null) {
        continue;
      }
      List<LocalRef> more = new ArrayList<>();
      collect(tree, new TreePath(), file.toString(), allowRemote, refused, more);
      enqueue(file, file.toString(), more, confinement, allowRemote, pending, seen, refused);
    }
    return refused;
  }

  private static void enqueue(Path from, String fromDisplay, List<LocalRef> refs, Path confinement,
      boolean allowRemote, Deque<Path> pending, Set<Path> seen, List<Refusal> refused) {
    for (LocalRef ref : refs) {
      Path resolved = (ref.target().isAbsolute() ? ref.target() : from.resolveSibling(ref.target()))
          .toAbsolutePath().normalize();
      if (!allowRemote && !real(resolved).startsWith(confinement)) {
        refused.add(new Refusal("local $ref " + ref.ref() + " is not read: it leads out of the spec's directory "
            + confinement + "; allow it (allowRemoteRefs) or copy the document beside the spec",
            fromDisplay, ref.pointer()));
      } else if (seen.add(resolved)) {
        pending.add(resolved);
      }
    }
  }

  /** The real path of {@code path} when it exists (symbolic links followed), else {@code path} as it is. */
  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  private static Path realDirectory(Path directory) {
    return real(directory.toAbsolutePath().normalize());
  }

  /**
   * Walks {@code node}, refusing remote references unless allowed and adding references to local files to
   * {@code local} (relative to the file being walked, or absolute).
   */
  private static void collect(JsonNode node, TreePath at, String file, boolean allowRemote, List<Refusal> refused,
      List<LocalRef> local) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (field.getKey().equals("$ref") && value.isTextual()) {
          at.push(field.getKey());
          classify(value.asText(), at, file, allowRemote, refused, local);
          at.pop();
        } else if (value.isContainerNode()) {
          at.push(field.getKey());
          collect(value, at, file, allowRemote, refused, local);
          at.pop();
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (element.isContainerNode()) {
          at.push(i);
          collect(element, at, file, allowRemote, refused, local);
          at.pop();
        }
      }
    }
  }

  /** Sorts one reference; the pointer of {@code at} is built only for the few references that need it. */
  private static void classify(String ref, TreePath at, String file, boolean allowRemote, List<Refusal> refused,
      List<LocalRef> local) {
    String target = ref.strip();
    int hash = target.indexOf('#');
    String document = hash < 0 ? target : target.substring(0, hash);
    if (document.isEmpty()) {
      return; // a reference within the same document
    }
    String lower = document.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      if (!allowRemote) {
        refused.add(new Refusal("remote $ref " + ref + " is not fetched: remote references are off; allow them "
            + "(allowRemoteRefs) or copy the document beside the spec", file, at.pointer()));
      }
      return;
    }
    try {
      URI uri = new URI(document.replace(" ", "%20"));
      if (uri.getScheme() == null) {
        local.add(new LocalRef(ref, Path.of(uri.getPath()), at.pointer(), false));
      } else if (uri.getScheme().equalsIgnoreCase("file")) {
        local.add(new LocalRef(ref, Path.of(uri), at.pointer(), true));
      } else if (!allowRemote) {
        refused.add(new Refusal("$ref " + ref + " is not followed: a reference is a relative path, a file: URL or,"
            + " when allowed (allowRemoteRefs), an http(s) URL", file, at.pointer()));
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a URI reference: a plain path, perhaps, or garbage the parser will report.
      try {
        local.add(new LocalRef(ref, Path.of(document), at.pointer(), false));
      } catch (InvalidPathException invalid) {
        // nothing to scan
      }
    }
  }
}
