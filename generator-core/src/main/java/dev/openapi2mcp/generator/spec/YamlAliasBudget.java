package dev.openapi2mcp.generator.spec;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Refuses a YAML document whose aliases expand into more nodes than a description can sensibly hold: a "billion
 * laughs" document of a few hundred bytes, nine levels of nine aliases each, becomes 10^9 nodes once every
 * stage after the parser sees it as a plain tree, and a few dozen aliases that each repeat the previous one twice
 * do the same while staying under any limit on the number of aliases.
 *
 * <p>The check reads the parser's events only, never building the document, so it costs time and memory in
 * proportion to the text. It counts, for every anchored node, the nodes it stands for once its own aliases are
 * expanded; an alias adds that many. Invariants: a document that passes expands to at most
 * {@link #MAX_EXPANDED_NODES} nodes; an alias to a collection that is still open (a recursive structure, which
 * no JSON tree can hold) is refused; a document the parser rejects passes, so that the parser reports it with
 * its own message.
 */
final class YamlAliasBudget {

  /**
   * Nodes a document may have once its aliases are expanded. Without aliases a YAML text within the parser's
   * length limit (3 Mi code points) has fewer, so only aliases reach it; and it is far below the billions a bomb
   * expands to, so the walk stops long before the time or memory of expanding it would matter.
   */
  static final long MAX_EXPANDED_NODES = 2_000_000;

  /** Without an anchor there is no alias; most descriptions skip the event walk on this test. */
  private static final Pattern ANCHOR = Pattern.compile("(^|[\\s\\[{,:?-])&[^\\s\\]},]");

  /** Why a document is refused: the JSON pointer of the offending alias and what is wrong with it. */
  record Refusal(String pointer, String message) {}

  private YamlAliasBudget() {}

  /**
   * Why {@code yaml} may not be expanded, naming the alias and where it is, or empty when it may.
   *
   * @param yaml the text of one YAML document
   */
  static Optional<Refusal> refusal(String yaml) {
    if (!ANCHOR.matcher(yaml).find()) {
      return Optional.empty();
    }
    LoaderOptions options = new LoaderOptions();
    // The size of the text is bounded before it gets here; only the expansion matters in this walk.
    options.setCodePointLimit(Integer.MAX_VALUE);
    try {
      return new Walk().over(new Yaml(options).parse(new StringReader(yaml)));
    } catch (YAMLException e) {
      return Optional.empty();
    }
  }

  /** The walk over one document's events; a frame per open collection. */
  private static final class Walk {
    private final Map<String, Long> anchored = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final TreePath at = new TreePath();
    private long total;

    Optional<Refusal> over(Iterable<Event> events) {
      for (Event event : events) {
        if (event instanceof ScalarEvent scalar) {
          String key = enter(scalar.getValue());
          if (scalar.getAnchor() != null) {
            anchored.put(scalar.getAnchor(), 1L);
          }
          total++;
          leave(key, 1);
        } else if (event instanceof AliasEvent alias) {
          String name = alias.getAnchor();
          String key = enter(null);
          if (open.contains(name)) {
            return refuse(alias.getStartMark(), "the alias *" + name
                + " refers to a node that contains it; a description must be a tree, not a cycle");
          }
          long nodes = anchored.getOrDefault(name, 1L);
          if (total + nodes > MAX_EXPANDED_NODES) {
            return refuse(alias.getStartMark(), "the alias *" + name + " expands to " + nodes
                + " nodes, taking the document past " + MAX_EXPANDED_NODES + " nodes once its aliases are"
                + " expanded (a \"billion laughs\" document?); write the repeated part out or use $ref");
          }
          total += nodes;
          leave(key, nodes);
        } else if (event instanceof SequenceStartEvent || event instanceof MappingStartEvent) {
          String key = enter(null);
          total++;
          String anchor = ((NodeEvent) event).getAnchor();
          frames.push(new Frame(event instanceof MappingStartEvent, anchor, key));
          if (anchor != null) {
            open.add(anchor);
          }
        } else if (event instanceof CollectionEndEvent) {
          Frame done = frames.pop();
          if (done.anchor != null) {
            open.remove(done.anchor);
            anchored.put(done.anchor, done.nodes);
          }
          leave(done.key, done.nodes);
        }
      }
      return Optional.empty();
    }

    /**
     * Moves to the node an event starts: in a mapping, a key is not a position of its own, its value is. Returns
     * the token pushed onto {@link #at}, or null when none was.
     */
    private String enter(String scalar) {
      Frame parent = frames.peek();
      if (parent == null) {
        return null;
      }
      if (parent.mapping && parent.expectKey) {
        parent.pendingKey = scalar == null ? "?" : scalar;
        return null;
      }
      String token = parent.mapping ? parent.pendingKey : Integer.toString(parent.index++);
      at.push(token);
      return token;
    }

    /** Adds a finished node's count to its collection, and leaves the position {@link #enter} took. */
    private void leave(String token, long nodes) {
      Frame parent = frames.peek();
      if (parent != null) {
        if (parent.mapping) {
          parent.expectKey = !parent.expectKey;
        }
        parent.nodes += nodes;
      }
      if (token != null) {
        at.pop();
      }
    }

    private Optional<Refusal> refuse(Mark mark, String why) {
      return Optional.of(new Refusal(at.pointer(),
          "YAML line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + why));
    }
  }

  /** An open collection: its anchor, the nodes counted in it so far, and where the walk is inside it. */
  private static final class Frame {
    final boolean mapping;
    final String anchor;
    final String key;
    long nodes = 1;
    boolean expectKey = true;
    String pendingKey;
    int index;

    Frame(boolean mapping, String anchor, String key) {
      this.mapping = mapping;
      this.anchor = anchor;
      this.key = key;
    }
  }
}
