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
        .add("return $T.builder($L)", RuntimeTypes.SERVER_DEFINITION, StringLiterals.of(server.serverName()))
        .indent().indent()
        .add("\n.version($L)", StringLiterals.of(server.version()));
    if (server.title() != null) {
      definition.add("\n.title($L)", StringLiterals.of(server.title()));
    }
    if (server.baseUrl() != null) {
      definition.add("\n.baseUrl($L)", StringLiterals.of(server.baseUrl()));
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
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T.builder($L)", RuntimeTypes.API_DEFINITION, StringLiterals.of(api.namespace()))
        .indent().indent();
    if (api.title() != null) {
      code.add("\n.title($L)", StringLiterals.of(api.title()));
    }
    if (api.baseUrl() != null) {
      code.add("\n.baseUrl($L)", StringLiterals.of(api.baseUrl()));
    }
    for (SecuritySchemeModel scheme : api.securitySchemes()) {
      code.add("\n.securityScheme($L)", scheme(scheme));
    }
    return code.add("\n.build()").unindent().unindent().build();
  }

  /** With a client-credentials flow, its token URL and scopes, so that the runtime can fetch tokens (issue 5). */
  private static CodeBlock oauth2(SecuritySchemeModel scheme) {
    if (scheme.clientCredentials() == null) {
      return CodeBlock.of("$T.oauth2($L)", RuntimeTypes.SECURITY_SCHEME, StringLiterals.of(scheme.name()));
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.oauth2($L, $L", RuntimeTypes.SECURITY_SCHEME,
        StringLiterals.of(scheme.name()), StringLiterals.of(scheme.clientCredentials().tokenUrl()));
    scheme.clientCredentials().scopes().forEach(scope -> code.add(", $L", StringLiterals.of(scope)));
    return code.add(")").build();
  }

  private static CodeBlock scheme(SecuritySchemeModel scheme) {
    return switch (scheme.kind()) {
      case API_KEY -> CodeBlock.of("$T.apiKey($L, $T.$L, $L)", RuntimeTypes.SECURITY_SCHEME,
          StringLiterals.of(scheme.name()), RuntimeTypes.PARAMETER_LOCATION, scheme.in().name(),
          StringLiterals.of(scheme.parameterName()));
      case HTTP_BEARER -> CodeBlock.of("$T.bearer($L)", RuntimeTypes.SECURITY_SCHEME, StringLiterals.of(scheme.name()));
      case HTTP_BASIC -> CodeBlock.of("$T.basic($L)", RuntimeTypes.SECURITY_SCHEME, StringLiterals.of(scheme.name()));
      case OAUTH2 -> oauth2(scheme);
      case OPENID_CONNECT -> CodeBlock.of("$T.openIdConnect($L)", RuntimeTypes.SECURITY_SCHEME,
          StringLiterals.of(scheme.name()));
    };
  }
}
