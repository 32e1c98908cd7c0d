package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.description.DescriptionComposer;
import dev.openapi2mcp.generator.description.DescriptionTemplate;
import dev.openapi2mcp.generator.description.TemplateLoader;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.emit.JavaEmitter;
import dev.openapi2mcp.generator.lint.LintReport;
import dev.openapi2mcp.generator.lint.LintedTool;
import dev.openapi2mcp.generator.lint.Linter;
import dev.openapi2mcp.generator.lint.ReportFiles;
import dev.openapi2mcp.generator.model.ApiModel;
import dev.openapi2mcp.generator.model.ApiModelBuilder;
import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.naming.JavaNames;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.generator.naming.OperationKey;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
   * Generates the server's sources into {@code config.outputDirectory()}, and lints the tools (see
   * {@link #lint(GeneratorConfig)}): the result carries the lint report, and its files are written to
   * {@code config.reportDirectory()} when one is set.
   *
   * @throws GenerationException listing every error found (with the warnings), when the config, the spec or
   *     the description template is invalid, the tools exceed the token budget, or the output cannot be written
   */
  public static GenerationResult run(GeneratorConfig config) throws GenerationException {
    Pipeline pipeline = pipeline(config);
    Diagnostics diagnostics = pipeline.diagnostics();
    WriteReport report;
    try {
      report = OutputWriter.write(config.outputDirectory(), pipeline.files());
    } catch (IOException e) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "cannot write the generated sources: " + e,
          config.outputDirectory().toString(), null, null));
      throw new GenerationException("Writing to " + config.outputDirectory() + " failed", diagnostics.all());
    }
    return new GenerationResult(config.outputDirectory(), report.written(), report.unchanged(), report.deleted(),
        pipeline.toolCount(), diagnostics.warnings(), pipeline.lint());
  }

  /**
   * Runs the whole pipeline except writing the sources, and lints the tools: missing and vague descriptions,
   * shortened names, schemas cut by the budget, and the size of the {@code tools/list} answer (see
   * {@link Linter}). Lint findings are warnings; only a token budget that the estimate exceeds fails. The report
   * files are written to {@code config.reportDirectory()} when one is set, also when the budget is exceeded.
   *
   * @return the result, with the lint report; it wrote no sources, so its file lists are empty
   * @throws GenerationException as {@link #run(GeneratorConfig)}, except for writing the sources
   */
  public static GenerationResult lint(GeneratorConfig config) throws GenerationException {
    Pipeline pipeline = pipeline(config);
    return new GenerationResult(config.outputDirectory(), List.of(), List.of(), List.of(), pipeline.toolCount(),
        pipeline.diagnostics().warnings(), pipeline.lint());
  }

  /** What the pipeline made before anything is written to the output directory. */
  private record Pipeline(List<GeneratedFile> files, int toolCount, LintReport lint, Diagnostics diagnostics) {}

  private static Pipeline pipeline(GeneratorConfig config) throws GenerationException {
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
    ToolModelFactory factory = new ToolModelFactory(naming, inputs, outputs,
        new DescriptionComposer(template, components), config.fileParts(), config.schemaBudget(), diagnostics);
    List<OperationModel> operations = api.operations();
    List<ToolModel> tools = factory.tools(operations);
    if (tools.isEmpty()) {
      diagnostics.warning("the spec has no operations: the server has no tools", "/paths", null);
    }
    ServerModel server = ServerModelFactory.create(config.serverName(), config.packageName(), api, tools);
    List<GeneratedFile> files = new JavaEmitter(naming).emit(server);
    diagnostics.throwIfErrors("The OpenAPI description " + config.inputSpec() + " cannot be turned into tools");

    LintReport lint = lint(config, naming, operations, tools, factory.budgetCuts());
    if (config.reportDirectory() != null) {
      try {
        ReportFiles.write(config.reportDirectory(), lint);
      } catch (IOException e) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "cannot write the lint report: " + e,
            config.reportDirectory().toString(), null, null));
      }
    }
    if (lint.budgetExceeded()) {
      diagnostics.add(configError(lint.budgetMessage()));
    }
    diagnostics.throwIfErrors("The tools of " + config.inputSpec() + " do not pass lint");
    return new Pipeline(files, tools.size(), lint, diagnostics);
  }

  /** Lints {@code tools}, made from {@code operations} in the same order. */
  private static LintReport lint(GeneratorConfig config, NamingStrategy naming, List<OperationModel> operations,
      List<ToolModel> tools, Map<String, List<String>> budgetCuts) {
    List<LintedTool> linted = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) {
      OperationModel operation = operations.get(i);
      String wanted = naming.wantedToolName(new OperationKey(operation.operationId(), operation.method().name(),
          operation.path()));
      ToolModel tool = tools.get(i);
      linted.add(new LintedTool(tool, operation, wanted, budgetCuts.get(tool.name())));
    }
    return Linter.lint(config.serverName(), linted, config.tokenBudget());
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
