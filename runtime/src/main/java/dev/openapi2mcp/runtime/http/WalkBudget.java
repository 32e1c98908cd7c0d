package dev.openapi2mcp.runtime.http;

/**
 * The work one schema check may do. A recursive schema whose alternatives each descend into the same definition
 * doubles the work at every level of the value, so a small value can otherwise keep a thread busy for hours; and
 * each level of nesting costs stack, so a deep value could otherwise overflow it.
 *
 * <p>Every schema node applied to a value, every enum option compared, every property or item looked at and every
 * character a {@code patternProperties} expression reads costs one step. Past {@link #MAX_STEPS} steps, or past
 * {@link #MAX_NESTING} schema applications inside one another, the check ends with {@link Exhausted}. Not
 * thread-safe: one budget per check.
 */
final class WalkBudget {
  /** Far above what real arguments or a 1 MiB response need, and well under a second of work. */
  static final long MAX_STEPS = 1_000_000;

  /** Schema applications inside one another (each level of a value costs at least one). */
  static final int MAX_NESTING = 256;

  private long stepsLeft = MAX_STEPS;
  private int nesting;

  /** Thrown when the budget is spent; carries no stack trace, since it is an expected outcome. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Exhausted(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Counts one schema application and one level of nesting. */
  void enter() {
    spend(1);
    if (++nesting > MAX_NESTING) {
      throw new Exhausted("nested too deeply to check (more than " + MAX_NESTING + " levels of schema)");
    }
  }

  void leave() {
    nesting--;
  }

  void spend(long steps) {
    stepsLeft -= steps;
    if (stepsLeft < 0) {
      throw new Exhausted("too complex to check against the schema (more than " + MAX_STEPS + " steps)");
    }
  }

  /**
   * {@code text} as a character sequence whose every read costs one step, so that a regular expression with
   * heavy backtracking cannot run longer than the budget.
   */
  CharSequence metered(String text) {
    return new Metered(text);
  }

  /** Regular-expression matching that overflows the stack on a long input counts as exhausting the budget. */
  Exhausted tooDeepForExpression() {
    return new Exhausted("too complex to check against the schema (a property name pattern needs too much stack)");
  }

  private final class Metered implements CharSequence {
    private final String text;

    Metered(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      spend(1);
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Metered(text.substring(start, end));
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
