package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.deploy.DeploymentFiles;
import dev.openapi2mcp.generator.description.DescriptionComposer;
import dev.openapi2mcp.generator.description.DescriptionTemplate;
import dev.openapi2mcp.generator.description.TemplateLoader;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.emit.JavaEmitter;
import dev.openapi2mcp.generator.model.ApiModel;
import dev.openapi2mcp.generator.model.ApiModelBuilder;
import dev.openapi2mcp.generator.naming.JavaNames;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.generator.output.GeneratedFile;
import dev.openapi2mcp.generator.output.OutputWriter;
import dev.openapi2mcp.generator.output.WriteReport;
import dev.openapi2mcp.generator.schema.ComponentSchemas;
import dev.openapi2mcp.generator.schema.Direction;
import dev.openapi2mcp.generator.schema.SchemaConverter;
import dev.openapi2mcp.generator.spec.LoadedSpec;
import dev.openapi2mcp.generator.spec.SpecLoader;
import dev.openapi2mcp.generator.tool.ServerModel;
import dev.openapi2mcp.generator.tool.ServerModelFactory;
import dev.openapi2mcp.generator.tool.ToolModel;
import dev.openapi2mcp.generator.tool.ToolModelFactory;
import java.io.IOException;
import java.util.List;

/**
 * The one entry point: spec → model → Java sources. See DESIGN.md for the pipeline.
 *
 * <p>Invariants: the output is a pure function of the config and the spec (byte-identical across runs, no
 * timestamps); a run that fails leaves the output directory as it was; files whose content is unchanged are
 * not rewritten (so incremental builds stay incremental).
 */
public final class Generator {
  private Generator() {}

  /**
   * Generates the server's sources into {@code config.outputDirectory()}.
   *
   * @throws GenerationException listing every error found (with the warnings), when the config, the spec or
   *     the description template is invalid, or the output cannot be written
   */
  public static GenerationResult run(GeneratorConfig config) throws GenerationException {
    Diagnostics diagnostics = new Diagnostics(config.inputSpec());
    checkConfig(config, diagnostics);
    DescriptionTemplate template = TemplateLoader.load(config.descriptionTemplate(), diagnostics);
    diagnostics.throwIfErrors("Invalid openapi2mcp configuration");

    if (config.apis().size() > 1) {
      diagnostics.add(configError("a service catalog of " + config.apis().size()
          + " APIs cannot be generated yet; name one API"));
    }
    diagnostics.throwIfErrors("Invalid openapi2mcp configuration");
    ApiSource source = config.apis().get(0);
    LoadedSpec spec = SpecLoader.load(source.inputSpec(), config.allowRemoteRefs(), diagnostics);
    ApiModel api = ApiModelBuilder.build(spec, source.serverVariables(), source.serverUrl(), diagnostics);
    diagnostics.throwIfErrors("The OpenAPI description " + config.inputSpec() + " cannot be turned into tools");

    NamingStrategy naming = new NamingStrategy(config.maxToolNameLength());
    ComponentSchemas components = new ComponentSchemas(api.componentSchemas());
    SchemaConverter inputs = new SchemaConverter(components, api.openApi31(), Direction.INPUT, diagnostics);
    SchemaConverter outputs = new SchemaConverter(components, api.openApi31(), Direction.OUTPUT, diagnostics);
    List<ToolModel> tools = new ToolModelFactory(naming, inputs, outputs, new DescriptionComposer(template),
        config.fileParts(), config.schemaBudget(), diagnostics).tools(api.operations());
    if (tools.isEmpty()) {
      diagnostics.warning("the spec has no operations: the server has no tools", "/paths", null);
    }
    ServerModel server = ServerModelFactory.create(config.serverName(), config.packageName(), api, tools);
    List<GeneratedFile> files = new JavaEmitter(naming).emit(server);
    diagnostics.throwIfErrors("The OpenAPI description " + config.inputSpec() + " cannot be turned into tools");

    WriteReport report;
    try {
      report = OutputWriter.write(config.outputDirectory(), files);
    } catch (IOException e) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "cannot write the generated sources: " + e,
          config.outputDirectory().toString(), null, null));
      throw new GenerationException("Writing to " + config.outputDirectory() + " failed", diagnostics.all());
    }
    DeploymentFiles.write(config.deploymentDirectory(), server, diagnostics);
    return new GenerationResult(config.outputDirectory(), report.written(), report.unchanged(), report.deleted(),
        tools.size(), diagnostics.warnings());
  }

  private static void checkConfig(GeneratorConfig config, Diagnostics diagnostics) {
    if (!JavaNames.isPackageName(config.packageName())) {
      diagnostics.add(configError("packageName '" + config.packageName()
          + "' is not a Java package name (dot-separated identifiers, no keywords)"));
    }
    if (config.serverName().isBlank()) {
      diagnostics.add(configError("serverName must not be blank"));
    }
  }

  private static Diagnostic configError(String message) {
    return new Diagnostic(Diagnostic.Severity.ERROR, message, null, null, null);
  }
}
