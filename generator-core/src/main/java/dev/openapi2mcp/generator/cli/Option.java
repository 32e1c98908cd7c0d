package dev.openapi2mcp.generator.cli;

import java.util.Objects;

/**
 * One option of a command: a row of the option table that {@link OptionParser} reads and {@link Usage} prints.
 *
 * <p>Every option takes exactly one non-empty value, given as the next argument or after {@code =}, at most once.
 *
 * @param name the option as typed, e.g. {@code --spec}
 * @param valueName how the usage names the value, e.g. {@code FILE|URL}
 * @param description one line for the usage, saying what the value is and its default
 * @param required whether the command refuses to run without it
 * @param setter stores the value into the command's arguments, or rejects it naming the option
 * @param <T> the arguments holder the command fills
 */
public record Option<T>(String name, String valueName, String description, boolean required, Setter<T> setter) {

  /** Stores one option value; throws when the value is unusable, with a message naming the option. */
  @FunctionalInterface
  public interface Setter<T> {
    void set(T target, String value) throws UsageException;
  }

  public Option {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueName, "valueName");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(setter, "setter");
    if (!name.startsWith("--")) {
      throw new IllegalArgumentException("an option name starts with --: " + name);
    }
  }

  /** The usage form, e.g. {@code --spec FILE|URL}. */
  public String synopsis() {
    return name + " " + valueName;
  }
}
