package dev.openapi2mcp.generator.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code --name value}, {@code --name=value} and bare {@code --flag} arguments against a table of
 * {@link Option}s.
 *
 * <p>Rejected, each with a message naming the option or argument: an unknown option, a positional argument, a
 * missing or empty value (an option followed by another {@code --option} has no value), a value given to a flag,
 * an option that is not repeatable given twice, and missing required options (all of them named at once, together
 * with unmet {@linkplain ExactlyOne alternatives}). Values are handed to the setters in argument order.
 */
public final class OptionParser {
  private OptionParser() {}

  /**
   * Options of which exactly one must be given, e.g. {@code --spec} (one API) or {@code --api} (a catalog): when
   * none is, the missing-options message names them as {@code --spec or --api}; when several are, that is an error.
   */
  public record ExactlyOne(List<String> names) {
    public ExactlyOne {
      names = List.copyOf(names);
      if (names.size() < 2) {
        throw new IllegalArgumentException("alternatives need at least two options: " + names);
      }
    }

    String text() {
      return String.join(" or ", names);
    }
  }

  /** Parses {@code args} into {@code target}. */
  public static <T> T parse(List<Option<T>> options, List<String> args, T target) throws UsageException {
    return parse(options, List.of(), args, target);
  }

  /** Parses {@code args} into {@code target}, requiring exactly one option of each of {@code alternatives}. */
  public static <T> T parse(List<Option<T>> options, List<ExactlyOne> alternatives, List<String> args, T target)
      throws UsageException {
    Map<String, Option<T>> byName = new LinkedHashMap<>();
    options.forEach(option -> byName.put(option.name(), option));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      Option<T> option = byName.get(name);
      if (option == null) {
        throw new UsageException("unknown option '" + name + "'");
      }
      String value;
      if (!option.takesValue()) {
        if (equals >= 0) {
          throw new UsageException("option " + name + " takes no value, was given '" + arg.substring(equals + 1)
              + "'");
        }
        value = "true";
      } else if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        value = "";
      }
      if (value.isEmpty()) {
        throw new UsageException("option " + name + " needs a value: " + option.synopsis());
      }
      if (!seen.add(name) && !option.repeatable()) {
        throw new UsageException("option " + name + " is given more than once");
      }
      option.setter().set(target, value);
    }
    for (ExactlyOne group : alternatives) {
      List<String> given = group.names().stream().filter(seen::contains).toList();
      if (given.size() > 1) {
        throw new UsageException("options " + String.join(" and ", given) + " exclude each other: give one of "
            + group.text());
      }
    }
    List<String> missing = new ArrayList<>();
    for (Option<T> option : options) {
      if (option.required() && !seen.contains(option.name())) {
        missing.add(option.name());
      }
      for (ExactlyOne group : alternatives) {
        if (group.names().get(0).equals(option.name()) && group.names().stream().noneMatch(seen::contains)) {
          missing.add(group.text());
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException((missing.size() == 1 ? "missing required option " : "missing required options ")
          + String.join(", ", missing));
    }
    return target;
  }
}
