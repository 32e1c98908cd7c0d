package dev.openapi2mcp.generator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.nio.file.Path;
import java.util.List;

/**
 * A spec run through the whole pipeline: generated, compiled strictly, loaded, and its definition at hand.
 *
 * @param result what the generator reported
 * @param definition what the generated server's {@code definition()} returns
 * @param compilation the compilation of the generated sources
 */
public record GeneratedServer(GenerationResult result, ServerDefinition definition, Compilation compilation) {

  public static GeneratedServer of(GeneratorConfig config) throws GenerationException {
    GenerationResult result = Generator.run(config);
    Compilation compilation = CompiledServer.compile(config.outputDirectory());
    List<Path> servers = result.written().stream()
        .filter(p -> p.getFileName().toString().endsWith("Server.java"))
        .toList();
    assertThat(servers).as("one server class").hasSize(1);
    String className = servers.get(0).toString().replace('/', '.').replace('\\', '.');
    className = className.substring(0, className.length() - ".java".length());
    return new GeneratedServer(result, CompiledServer.definition(compilation, className), compilation);
  }

  public static GeneratedServer of(String spec, Path out, String serverName) throws GenerationException {
    return of(Specs.config(spec, out, serverName));
  }

  public List<String> toolNames() {
    return definition.tools().stream().map(ToolDefinition::name).toList();
  }

  public ToolDefinition tool(String name) {
    return definition.tools().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name + " among " + toolNames()));
  }

  /** The tool's input schema, checked to be a closed 2020-12 object schema. */
  public JsonNode schema(String toolName) {
    return SchemaChecks.assertValidInputSchema(tool(toolName).inputSchema());
  }

  /** One property of the tool's input schema, as compact JSON. */
  public String property(String toolName, String argument) {
    JsonNode property = schema(toolName).path("properties").get(argument);
    assertThat(property).as("argument %s of %s", argument, toolName).isNotNull();
    return property.toString();
  }
}
