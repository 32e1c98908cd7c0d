package dev.openapi2mcp.generator.cli;

import java.util.Objects;

/**
 * One option of a command: a row of the option table that {@link OptionParser} reads and {@link Usage} prints.
 *
 * <p>An option either takes one non-empty value, given as the next argument or after {@code =}, or is a flag that
 * takes none. It may be given at most once, unless it is {@link Occurrence#REPEATABLE}; a flag is always
 * {@link Occurrence#OPTIONAL}.
 *
 * @param name the option as typed, e.g. {@code --spec}
 * @param valueName how the usage names the value, e.g. {@code FILE|URL}; null for a flag
 * @param description one line for the usage, saying what the value is and its default
 * @param occurrence how often the command accepts it
 * @param setter stores one value into the command's arguments (a flag's setter gets {@code "true"}), or rejects it
 *     naming the option
 * @param <T> the arguments holder the command fills
 */
public record Option<T>(String name, String valueName, String description, Occurrence occurrence,
    Setter<T> setter) {

  /** How often an option may, or must, be given. */
  public enum Occurrence {
    /** At most once. */
    OPTIONAL,
    /** Exactly once: the command refuses to run without it. */
    REQUIRED,
    /** Any number of times, each value handed to the setter in argument order. */
    REPEATABLE
  }

  /** Stores one option value; throws when the value is unusable, with a message naming the option. */
  @FunctionalInterface
  public interface Setter<T> {
    void set(T target, String value) throws UsageException;
  }

  /** Sets a flag. */
  @FunctionalInterface
  public interface FlagSetter<T> {
    void set(T target);
  }

  public Option {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(occurrence, "occurrence");
    Objects.requireNonNull(setter, "setter");
    if (!name.startsWith("--")) {
      throw new IllegalArgumentException("an option name starts with --: " + name);
    }
    if (valueName == null && occurrence != Occurrence.OPTIONAL) {
      throw new IllegalArgumentException("a flag is optional and given at most once: " + name);
    }
  }

  public static <T> Option<T> required(String name, String valueName, String description, Setter<T> setter) {
    return new Option<>(name, Objects.requireNonNull(valueName, "valueName"), description, Occurrence.REQUIRED,
        setter);
  }

  public static <T> Option<T> optional(String name, String valueName, String description, Setter<T> setter) {
    return new Option<>(name, Objects.requireNonNull(valueName, "valueName"), description, Occurrence.OPTIONAL,
        setter);
  }

  public static <T> Option<T> repeatable(String name, String valueName, String description, Setter<T> setter) {
    return new Option<>(name, Objects.requireNonNull(valueName, "valueName"), description, Occurrence.REPEATABLE,
        setter);
  }

  public static <T> Option<T> flag(String name, String description, FlagSetter<T> setter) {
    Objects.requireNonNull(setter, "setter");
    return new Option<>(name, null, description, Occurrence.OPTIONAL, (target, value) -> setter.set(target));
  }

  /** Whether the option takes a value; a flag does not. */
  public boolean takesValue() {
    return valueName != null;
  }

  public boolean required() {
    return occurrence == Occurrence.REQUIRED;
  }

  public boolean repeatable() {
    return occurrence == Occurrence.REPEATABLE;
  }

  /** The usage form, e.g. {@code --spec FILE|URL}, or the bare name of a flag. */
  public String synopsis() {
    return takesValue() ? name + " " + valueName : name;
  }
}
