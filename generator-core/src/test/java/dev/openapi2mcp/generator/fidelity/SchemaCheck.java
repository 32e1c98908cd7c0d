package dev.openapi2mcp.generator.fidelity;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether arguments are valid against a tool's inputSchema, by an independent JSON Schema 2020-12 validator
 * (networknt) with format assertions on: the referee for the {@link ArgumentSampler}, so that a request the mock
 * rejects can be told apart from arguments that were never valid.
 */
final class SchemaCheck {
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  /** Compiled schemas are large; calls come tool by tool, so the last few are all worth keeping. */
  private final Map<String, Schema> schemas = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
      return size() > 4;
    }
  };

  /** The violations of {@code argumentsJson} against {@code schemaJson}; empty when valid. */
  synchronized List<String> problems(String schemaJson, String argumentsJson) {
    Schema schema = schemas.computeIfAbsent(schemaJson, text -> registry.getSchema(text, InputFormat.JSON));
    return schema.validate(argumentsJson, InputFormat.JSON).stream().map(Error::toString).toList();
  }
}
