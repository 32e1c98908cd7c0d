package dev.openapi2mcp.runtime.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one schema walk found: every problem up to a cap, only the first one, or only whether there is one.
 *
 * <p>Invariants: a message's text is built only when it is kept (a yes/no verdict builds none); at most
 * {@link #MAX_PROBLEMS} problems are kept, followed by one note that further problems were not checked; no kept
 * message is longer than {@link #MAX_MESSAGE_CHARS} characters (a longer one is cut and ends with {@code …}).
 * Once {@link #done()}, the walk stops: nothing it could still find would be kept.
 */
final class SchemaProblems {
  /** The most problems reported at once; a model fixes the first ones and calls again. */
  static final int MAX_PROBLEMS = 20;

  /** The longest message; a model-supplied name or value can otherwise make one message arbitrarily long. */
  static final int MAX_MESSAGE_CHARS = 1000;

  private final List<String> kept;
  private final int limit;
  private final boolean noteWhenFull;
  private boolean failed;
  private boolean done;

  private SchemaProblems(List<String> kept, int limit, boolean noteWhenFull) {
    this.kept = kept;
    this.limit = limit;
    this.noteWhenFull = noteWhenFull;
  }

  /** Keeps up to {@link #MAX_PROBLEMS} problems, then a note, then stops. */
  static SchemaProblems collecting() {
    return new SchemaProblems(new ArrayList<>(), MAX_PROBLEMS, true);
  }

  /** Keeps the first problem and stops. */
  static SchemaProblems firstOnly() {
    return new SchemaProblems(new ArrayList<>(1), 1, false);
  }

  /** Keeps no text: stops at the first problem, which only makes {@link #failed()} true. */
  static SchemaProblems verdict() {
    return new SchemaProblems(null, 0, false);
  }

  /** Records a problem; {@code message} is called only when its text is kept. */
  void add(Supplier<String> message) {
    failed = true;
    if (kept == null) {
      done = true;
    } else if (kept.size() < limit) {
      kept.add(cut(message.get()));
      done = kept.size() == limit && !noteWhenFull;
    } else {
      kept.add("further problems were not checked (at most " + limit + " are reported at once)");
      done = true;
    }
  }

  /** Whether the walk can stop: a verdict is known, or no further problem would be kept. */
  boolean done() {
    return done;
  }

  boolean failed() {
    return failed;
  }

  /** The kept messages, in the order found; empty for a verdict. */
  List<String> messages() {
    return kept == null ? List.of() : List.copyOf(kept);
  }

  /** {@code text} cut to {@link #MAX_MESSAGE_CHARS}, never between the two halves of a surrogate pair. */
  static String cut(String text) {
    if (text.length() <= MAX_MESSAGE_CHARS) {
      return text;
    }
    int end = MAX_MESSAGE_CHARS - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
