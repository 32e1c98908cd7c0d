package dev.openapi2mcp.generator.customize;

import java.util.Objects;

/**
 * One customized value and where it was written, so that a problem found later (a name taken twice, a value of the
 * wrong type) points at the line that caused it.
 *
 * @param value the value, never null
 * @param origin where it is written
 */
public record Setting<T>(T value, Origin origin) {

  public Setting {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code value} at {@code origin}, or null when there is no value. */
  public static <T> Setting<T> of(T value, Origin origin) {
    return value == null ? null : new Setting<>(value, origin);
  }

  /** The first that is set: precedence is the order of the arguments. */
  public static <T> Setting<T> first(Setting<T> preferred, Setting<T> fallback) {
    return preferred != null ? preferred : fallback;
  }

  /** The value of {@code setting}, or {@code otherwise} when it is not set. */
  public static <T> T valueOr(Setting<T> setting, T otherwise) {
    return setting != null ? setting.value() : otherwise;
  }
}
