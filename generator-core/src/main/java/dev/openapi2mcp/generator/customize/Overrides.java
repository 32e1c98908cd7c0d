package dev.openapi2mcp.generator.customize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of an overrides file (format: {@link OverridesReader}), or one API's section of it.
 *
 * @param file the file as the user named it, or null for no file
 * @param operations operationId → the settings of its tool, in file order
 * @param apis API namespace → that API's section (whose own {@code apis} is empty), in file order
 */
public record Overrides(String file, Map<String, ToolSettings> operations, Map<String, Overrides> apis) {

  /** No overrides file. */
  public static final Overrides NONE = new Overrides(null, Map.of(), Map.of());

  public Overrides {
    operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    apis = Collections.unmodifiableMap(new LinkedHashMap<>(apis));
  }
}
