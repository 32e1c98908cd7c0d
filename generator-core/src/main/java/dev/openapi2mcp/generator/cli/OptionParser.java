package dev.openapi2mcp.generator.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code --name value} and {@code --name=value} arguments against a table of {@link Option}s.
 *
 * <p>Rejected, each with a message naming the option or argument: an unknown option, a positional argument, a
 * missing or empty value (an option followed by another {@code --option} has no value), an option given twice,
 * and missing required options (all of them named at once). Values are handed to the setters in argument order.
 */
public final class OptionParser {
  private OptionParser() {}

  /** Parses {@code args} into {@code target}. */
  public static <T> T parse(List<Option<T>> options, List<String> args, T target) throws UsageException {
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
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        value = "";
      }
      if (value.isEmpty()) {
        throw new UsageException("option " + name + " needs a value: " + option.synopsis());
      }
      if (!seen.add(name)) {
        throw new UsageException("option " + name + " is given more than once");
      }
      option.setter().set(target, value);
    }
    List<String> missing = new ArrayList<>();
    for (Option<T> option : options) {
      if (option.required() && !seen.contains(option.name())) {
        missing.add(option.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException((missing.size() == 1 ? "missing required option " : "missing required options ")
          + String.join(", ", missing));
    }
    return target;
  }
}
