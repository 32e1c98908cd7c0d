package dev.openapi2mcp.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;

/** The runtime classes generated code refers to (the generator does not link against the runtime). */
final class RuntimeTypes {
  private static final String TOOL = "dev.openapi2mcp.runtime.tool";

  static final ClassName SERVER_DEFINITION = ClassName.get(TOOL, "ServerDefinition");
  static final ClassName TOOL_DEFINITION = ClassName.get(TOOL, "ToolDefinition");
  static final ClassName API_DEFINITION = ClassName.get(TOOL, "ApiDefinition");
  static final ClassName SECURITY_SCHEME = ClassName.get(TOOL, "SecurityScheme");
  static final ClassName PARAMETER_LOCATION = ClassName.get(TOOL, "ParameterLocation");
  static final ClassName PARAMETER_BINDING = ClassName.get(TOOL, "ParameterBinding");
  static final ClassName REQUEST_BODY = ClassName.get(TOOL, "RequestBody");
  static final ClassName MCP_SERVER_MAIN = ClassName.get("dev.openapi2mcp.runtime", "McpServerMain");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ParameterizedTypeName TOOL_LIST =
      ParameterizedTypeName.get(ClassName.get("java.util", "List"), TOOL_DEFINITION);

  /** The value of every {@code @Generated}; deliberately without a date, so output stays reproducible. */
  static final String GENERATOR = "dev.openapi2mcp.generator";

  private RuntimeTypes() {}
}
