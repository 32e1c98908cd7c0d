package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.concurrent.Tasks;
import dev.openapi2mcp.generator.customize.CustomizedOperation;
import dev.openapi2mcp.generator.customize.Customizer;
import dev.openapi2mcp.generator.deploy.DeploymentFiles;
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
import dev.openapi2mcp.generator.tool.ToolBatch;
import dev.openapi2mcp.generator.tool.ToolModel;
import dev.openapi2mcp.generator.tool.ToolModelFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The one entry point: spec → model → Java sources. See DESIGN.md for the pipeline. A service catalog (issue 4)
 * takes several specs: each is loaded, modelled and turned into tools on its own, then the tools are combined under
 * namespaced names ({@link CatalogNames}).
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
   * {@code config.reportDirectory()} when one is set. When {@code config.deploymentDirectory()} is set, the
   * deployment files (issue 5) are written there after the sources.
   *
   * @throws GenerationException listing every error found (with the warnings), when the config, the spec, an
   *     overrides file or the description template is invalid, the tools exceed the token budget, or the output
   *     cannot be written
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
    DeploymentFiles.write(config.deploymentDirectory(), pipeline.server(), diagnostics);
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
  private record Pipeline(ServerModel server, List<GeneratedFile> files, LintReport lint, Diagnostics diagnostics) {
    int toolCount() {
      return server.tools().size();
    }
  }

  /**
   * One API's tools before the catalog names them, with what lint needs to know about each, index by index.
   *
   * @param wantedNames the name each tool wanted before length limits (a chosen name counts as wanted)
   * @param budgetCuts where the schema budget cut each tool's schemas, by the tool's name in {@code part}
   * @param outputSchemasLeftOut the bytes of each output schema left out for its size, likewise
   */
  private record ApiTools(ServerModelFactory.CatalogPart part, List<CustomizedOperation> operations,
      List<String> wantedNames, Map<String, List<String>> budgetCuts, Map<String, Integer> outputSchemasLeftOut) {}

  private static Pipeline pipeline(GeneratorConfig config) throws GenerationException {
    Diagnostics diagnostics = new Diagnostics(config.inputSpec());
    checkConfig(config, diagnostics);
    NamingStrategy naming = new NamingStrategy(config.maxToolNameLength());
    if (config.catalog()) {
      Namespaces.check(config.apis(), naming.maxNamespaceLength(), diagnostics);
    }
    DescriptionTemplate template = TemplateLoader.load(config.descriptionTemplate(), diagnostics);
    diagnostics.throwIfErrors("Invalid openapi2mcp configuration");

    // Each API on its own, with its own components and file; every API is tried, so a run lists all their errors.
    List<ApiTools> apis = new ArrayList<>();
    for (ApiSource source : config.apis()) {
      Diagnostics fileDiagnostics = diagnostics.forFile(source.inputSpec());
      try {
        apis.add(apiTools(source, config, naming, template, fileDiagnostics));
      } catch (GenerationException e) {
        // Its diagnostics are already collected; go on with the next API.
      }
    }
    String cannot = config.apis().size() == 1
        ? "The OpenAPI description " + config.inputSpec() + " cannot be turned into tools"
        : "The OpenAPI descriptions of the catalog cannot be turned into tools";
    diagnostics.throwIfErrors(cannot);

    List<ServerModelFactory.CatalogPart> parts = apis.stream().map(ApiTools::part).toList();
    if (config.catalog()) {
      parts = CatalogNames.apply(parts, naming);
    }
    ServerModel server = config.catalog()
        ? ServerModelFactory.createCatalog(config.serverName(), config.packageName(), parts)
        : ServerModelFactory.create(config.serverName(), config.packageName(), parts.get(0).api(),
            parts.get(0).tools());
    // Issue 6: lint reads the same finished tools as the emitter, so it runs beside it on another core.
    List<LintedTool> linted = linted(apis, parts);
    CompletableFuture<LintReport> linting =
        CompletableFuture.supplyAsync(() -> Linter.lint(config.serverName(), linted, config.tokenBudget()));
    List<GeneratedFile> files = new JavaEmitter(naming).emit(server);
    diagnostics.throwIfErrors(cannot);

    LintReport lint = Tasks.join(linting);
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
    diagnostics.throwIfErrors("The tools of " + config.inputSpecs() + " do not pass lint");
    return new Pipeline(server, files, lint, diagnostics);
  }

  /**
   * One API's tools, filtered and customized (issue 4), under the names a server of that API alone would give them;
   * its diagnostics name its file.
   */
  private static ApiTools apiTools(ApiSource source, GeneratorConfig config, NamingStrategy naming,
      DescriptionTemplate template, Diagnostics diagnostics) throws GenerationException {
    LoadedSpec spec = SpecLoader.load(source.inputSpec(), config.allowRemoteRefs(), diagnostics);
    ApiModel api = ApiModelBuilder.build(spec, source.serverVariables(), source.serverUrl(), diagnostics);
    boolean specErrors = diagnostics.hasErrors();
    List<CustomizedOperation> operations = Customizer.apply(source, api, namespaces(config), diagnostics);
    if (specErrors) {
      // A broken model cannot be turned into tools; a bad filter or overrides entry can, so that the argument
      // checks of the tool stage still report their errors in the same run.
      diagnostics.throwIfErrors("The OpenAPI description " + source.inputSpec() + " cannot be turned into tools");
    }
    // Component schemas of different specs never mix: each API converts its own.
    ComponentSchemas components = new ComponentSchemas(api.componentSchemas());
    boolean dropReferences = !config.listing().referenceSentences();
    ToolBatch batch = ToolBatch.build(operations, naming, buffer -> new ToolModelFactory(naming,
        new SchemaConverter(components, api.openApi31(), Direction.INPUT, buffer, dropReferences),
        new SchemaConverter(components, api.openApi31(), Direction.OUTPUT, buffer, dropReferences),
        new DescriptionComposer(template, components, dropReferences), config.fileParts(), config.schemaBudget(),
        buffer, config.outputSchemaMaxBytes(), config.listing()), diagnostics);
    List<ToolModel> tools = batch.tools();
    if (api.operations().isEmpty()) {
      diagnostics.warning("the spec has no operations: " + (source.namespace() == null ? "the server has no tools"
          : "API '" + source.namespace() + "' adds no tools"), "/paths", null);
    }
    Set<String> chosenNames = new LinkedHashSet<>();
    List<String> wantedNames = new ArrayList<>();
    for (CustomizedOperation customized : operations) {
      var chosen = customized.settings().name();
      if (chosen != null) {
        chosenNames.add(chosen.value());
        wantedNames.add(chosen.value());
      } else {
        var operation = customized.operation();
        String wanted = naming.wantedToolName(
            new OperationKey(operation.operationId(), operation.method().name(), operation.path()));
        wantedNames.add(source.namespace() == null ? wanted : source.namespace() + "_" + wanted);
      }
    }
    return new ApiTools(new ServerModelFactory.CatalogPart(source.namespace(), api, tools, chosenNames),
        operations, wantedNames, batch.budgetCuts(), batch.outputSchemasLeftOut());
  }

  /** What lint needs of each tool, in the server's order; {@code named} are the parts under their final names. */
  private static List<LintedTool> linted(List<ApiTools> apis, List<ServerModelFactory.CatalogPart> named) {
    List<LintedTool> linted = new ArrayList<>();
    for (int a = 0; a < apis.size(); a++) {
      ApiTools api = apis.get(a);
      List<ToolModel> before = api.part().tools();
      List<ToolModel> after = named.get(a).tools();
      for (int i = 0; i < before.size(); i++) {
        linted.add(new LintedTool(after.get(i), api.operations().get(i).operation(), api.wantedNames().get(i),
            api.budgetCuts().get(before.get(i).name()), api.outputSchemasLeftOut().get(before.get(i).name())));
      }
    }
    return linted;
  }

  /** The namespaces of the config's APIs, which an overrides file's {@code apis} section may name. */
  private static Set<String> namespaces(GeneratorConfig config) {
    Set<String> namespaces = new LinkedHashSet<>();
    config.apis().stream().map(ApiSource::namespace).filter(Objects::nonNull).forEach(namespaces::add);
    return namespaces;
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
