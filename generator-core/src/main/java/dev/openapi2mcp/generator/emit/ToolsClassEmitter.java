package dev.openapi2mcp.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.openapi2mcp.generator.model.ParameterIn;
import dev.openapi2mcp.generator.tool.BodyBindingModel;
import dev.openapi2mcp.generator.tool.ParameterBindingModel;
import dev.openapi2mcp.generator.tool.ToolHints;
import dev.openapi2mcp.generator.tool.ToolModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes one Tools class: a public static method per tool that builds its {@code ToolDefinition}, and
 * {@code all()}, which lists them in spec order.
 */
final class ToolsClassEmitter {
  private ToolsClassEmitter() {}

  static TypeSpec emit(String className, List<ToolModel> tools, String javadoc) {
    TypeSpec.Builder type = TypeSpec.classBuilder(className)
        .addJavadoc("$L\n", javadoc)
        .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED).addMember("value", "$S", RuntimeTypes.GENERATOR)
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    CodeBlock.Builder all = CodeBlock.builder().add("return $T.of(", List.class).indent().indent();
    for (int i = 0; i < tools.size(); i++) {
      ToolModel tool = tools.get(i);
      type.addMethod(toolMethod(tool));
      all.add("\n$N()$L", tool.methodName(), i + 1 < tools.size() ? "," : "");
    }
    all.add(");\n").unindent().unindent();
    type.addMethod(MethodSpec.methodBuilder("all")
        .addJavadoc("The tools of this class, in the order of the spec.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(RuntimeTypes.TOOL_LIST)
        .addCode(all.build())
        .build());
    return type.build();
  }

  private static MethodSpec toolMethod(ToolModel tool) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("return $T.builder($L)", RuntimeTypes.TOOL_DEFINITION, StringLiterals.of(tool.name()))
        .indent().indent();
    if (tool.title() != null) {
      code.add("\n.title($L)", StringLiterals.of(tool.title()));
    }
    code.add("\n.description($L)", StringLiterals.of(tool.description()));
    code.add("\n.inputSchema($L)", StringLiterals.of(tool.inputSchema()));
    if (tool.outputSchema() != null) {
      code.add("\n.outputSchema($L)", StringLiterals.of(tool.outputSchema()));
    }
    ToolHints hints = tool.hints();
    code.add("\n.readOnlyHint($L).destructiveHint($L).idempotentHint($L).openWorldHint($L)", hints.readOnly(),
        hints.destructive(), hints.idempotent(), hints.openWorld());
    code.add("\n.http($S, $L)", tool.http().method().name(), StringLiterals.of(tool.http().path()));
    for (ParameterBindingModel parameter : tool.http().parameters()) {
      code.add("\n.parameter($L)", parameter(parameter));
    }
    if (tool.http().body() != null) {
      code.add("\n.body($L)", body(tool.http().body()));
    }
    for (List<String> alternative : tool.http().security()) {
      CodeBlock.Builder names = CodeBlock.builder();
      for (int i = 0; i < alternative.size(); i++) {
        names.add(i == 0 ? "$L" : ", $L", StringLiterals.of(alternative.get(i)));
      }
      code.add("\n.security($L)", names.build());
    }
    tool.fixedArguments().forEach((argument, json) ->
        code.add("\n.fixedArgument($L, $L)", StringLiterals.of(argument), StringLiterals.of(json)));
    tool.defaultArguments().forEach((argument, json) ->
        code.add("\n.defaultArgument($L, $L)", StringLiterals.of(argument), StringLiterals.of(json)));
    if (tool.api() != null) {
      code.add("\n.api($L)", StringLiterals.of(tool.api()));
    }
    code.add("\n.build();\n").unindent().unindent();
    return MethodSpec.methodBuilder(tool.methodName())
        .addJavadoc("$L\n", Javadocs.text("Tool " + tool.name() + ": " + tool.http().method() + " "
            + tool.http().path() + "."))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(RuntimeTypes.TOOL_DEFINITION)
        .addCode(code.build())
        .build();
  }

  private static CodeBlock parameter(ParameterBindingModel parameter) {
    String factory = parameter.in().name().toLowerCase(Locale.ROOT);
    CodeBlock.Builder call = CodeBlock.builder();
    if (parameter.in() == ParameterIn.PATH) {
      call.add("$T.path($L, $L)", RuntimeTypes.PARAMETER_BINDING, StringLiterals.of(parameter.argument()),
          StringLiterals.of(parameter.name()));
    } else {
      call.add("$T.$L($L, $L, $L)", RuntimeTypes.PARAMETER_BINDING, factory, StringLiterals.of(parameter.argument()),
          StringLiterals.of(parameter.name()), parameter.required());
    }
    if (!parameter.hasDefaultStyle()) {
      call.add(".withStyle($L, $L)", StringLiterals.of(parameter.style()), parameter.explode());
    }
    return call.build();
  }

  private static CodeBlock body(BodyBindingModel body) {
    CodeBlock.Builder call = CodeBlock.builder();
    if (!body.flattened()) {
      call.add("$T.whole($L, $L, $L)", RuntimeTypes.REQUEST_BODY, StringLiterals.of(body.mediaType()), body.required(),
          StringLiterals.of(body.argument()));
    } else {
      if (body.multipart()) {
        CodeBlock.Builder files = CodeBlock.builder();
        for (int i = 0; i < body.fileArguments().size(); i++) {
          files.add(i == 0 ? "$L" : ", $L", StringLiterals.of(body.fileArguments().get(i)));
        }
        call.add("$T.multipart($L, $T.of($L)", RuntimeTypes.REQUEST_BODY, body.required(), List.class,
            files.build());
      } else {
        call.add("$T.flattened($L, $L", RuntimeTypes.REQUEST_BODY, StringLiterals.of(body.mediaType()),
            body.required());
      }
      for (Map.Entry<String, String> property : body.properties().entrySet()) {
        call.add(", $L, $L", StringLiterals.of(property.getKey()), StringLiterals.of(property.getValue()));
      }
      call.add(")");
    }
    body.encodings().forEach((field, style) ->
        call.add("\n    .encoding($L, $L, $L)", StringLiterals.of(field), StringLiterals.of(style.style()),
            style.explode()));
    return call.build();
  }
}
