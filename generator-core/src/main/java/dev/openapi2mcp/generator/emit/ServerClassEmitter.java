package dev.openapi2mcp.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import dev.openapi2mcp.generator.tool.CatalogApiModel;
import dev.openapi2mcp.generator.tool.ServerModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes the server class: {@code definition()}, which wires everything together, and {@code main}. */
final class ServerClassEmitter {
  private ServerClassEmitter() {}

  static TypeSpec emit(String className, ServerModel server, List<ClassName> toolsClasses, String javadoc) {
    CodeBlock.Builder definition = CodeBlock.builder()
        .add("return $T.builder($S)", RuntimeTypes.SERVER_DEFINITION, server.serverName())
        .indent().indent()
        .add("\n.version($S)", server.version());
    if (server.title() != null) {
      definition.add("\n.title($S)", server.title());
    }
    if (server.baseUrl() != null) {
      definition.add("\n.baseUrl($S)", server.baseUrl());
    }
    for (SecuritySchemeModel scheme : server.securitySchemes()) {
      definition.add("\n.securityScheme($L)", scheme(scheme));
    }
    for (CatalogApiModel api : server.apis()) {
      definition.add("\n.api($L)", api(api));
    }
    for (ClassName tools : toolsClasses) {
      definition.add("\n.tools($T.all())", tools);
    }
    definition.add("\n.build();\n").unindent().unindent();

    return TypeSpec.classBuilder(className)
        .addJavadoc("$L\n", javadoc)
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED).addMember("value", "$S", RuntimeTypes.GENERATOR)
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("definition")
            .addJavadoc("The server's identity, security schemes and tools.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(RuntimeTypes.SERVER_DEFINITION)
            .addCode(definition.build())
            .build())
        .addMethod(MethodSpec.methodBuilder("main")
            .addJavadoc("Runs the server; {@code --help} lists the options.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(ArrayTypeName.of(String.class), "args")
            .addStatement("$T.exit($T.run(definition(), args))", System.class, RuntimeTypes.MCP_SERVER_MAIN)
            .build())
        .build();
  }

  /** One API of a catalog (issue 4): {@code ApiDefinition.builder("inventory").title(…)…build()}. */
  private static CodeBlock api(CatalogApiModel api) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder($S)", RuntimeTypes.API_DEFINITION, api.namespace())
        .indent().indent();
    if (api.title() != null) {
      code.add("\n.title($S)", api.title());
    }
    if (api.baseUrl() != null) {
      code.add("\n.baseUrl($S)", api.baseUrl());
    }
    for (SecuritySchemeModel scheme : api.securitySchemes()) {
      code.add("\n.securityScheme($L)", scheme(scheme));
    }
    return code.add("\n.build()").unindent().unindent().build();
  }

  /** With a client-credentials flow, its token URL and scopes, so that the runtime can fetch tokens (issue 5). */
  private static CodeBlock oauth2(SecuritySchemeModel scheme) {
    if (scheme.clientCredentials() == null) {
      return CodeBlock.of("$T.oauth2($S)", RuntimeTypes.SECURITY_SCHEME, scheme.name());
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.oauth2($S, $S", RuntimeTypes.SECURITY_SCHEME,
        scheme.name(), scheme.clientCredentials().tokenUrl());
    scheme.clientCredentials().scopes().forEach(scope -> code.add(", $S", scope));
    return code.add(")").build();
  }

  private static CodeBlock scheme(SecuritySchemeModel scheme) {
    return switch (scheme.kind()) {
      case API_KEY -> CodeBlock.of("$T.apiKey($S, $T.$L, $S)", RuntimeTypes.SECURITY_SCHEME, scheme.name(),
          RuntimeTypes.PARAMETER_LOCATION, scheme.in().name(), scheme.parameterName());
      case HTTP_BEARER -> CodeBlock.of("$T.bearer($S)", RuntimeTypes.SECURITY_SCHEME, scheme.name());
      case HTTP_BASIC -> CodeBlock.of("$T.basic($S)", RuntimeTypes.SECURITY_SCHEME, scheme.name());
      case OAUTH2 -> oauth2(scheme);
      case OPENID_CONNECT -> CodeBlock.of("$T.openIdConnect($S)", RuntimeTypes.SECURITY_SCHEME, scheme.name());
    };
  }
}
