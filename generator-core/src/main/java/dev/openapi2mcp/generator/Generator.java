package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.customize.CustomizedOperation;
import dev.openapi2mcp.generator.customize.Customizer;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
   * Generates the server's sources into {@code config.outputDirectory()}.
   *
   * @throws GenerationException listing every error found (with the warnings), when the config, the spec or
   *     the description template is invalid, or the output cannot be written
   */
  public static GenerationResult run(GeneratorConfig config) throws GenerationException {
    Diagnostics diagnostics = new Diagnostics(config.inputSpec());
    checkConfig(config, diagnostics);
    NamingStrategy naming = new NamingStrategy(config.maxToolNameLength());
    if (config.catalog()) {
      Namespaces.check(config.apis(), naming.maxNamespaceLength(), diagnostics);
    }
    DescriptionTemplate template = TemplateLoader.load(config.descriptionTemplate(), diagnostics);
    diagnostics.throwIfErrors("Invalid openapi2mcp configuration");

    // Each API on its own, with its own components and file; every API is tried, so a run lists all their errors.
    List<ServerModelFactory.CatalogPart> parts = new ArrayList<>();
    for (ApiSource source : config.apis()) {
      Diagnostics fileDiagnostics = diagnostics.forFile(source.inputSpec());
      try {
        parts.add(apiTools(source, config, naming, template, fileDiagnostics));
      } catch (GenerationException e) {
        // Its diagnostics are already collected; go on with the next API.
      }
    }
    String cannot = config.apis().size() == 1
        ? "The OpenAPI description " + config.inputSpec() + " cannot be turned into tools"
        : "The OpenAPI descriptions of the catalog cannot be turned into tools";
    diagnostics.throwIfErrors(cannot);

    ServerModel server = config.catalog()
        ? ServerModelFactory.createCatalog(config.serverName(), config.packageName(),
            CatalogNames.apply(parts, naming))
        : ServerModelFactory.create(config.serverName(), config.packageName(), parts.get(0).api(),
            parts.get(0).tools());
    List<GeneratedFile> files = new JavaEmitter(naming).emit(server);
    diagnostics.throwIfErrors(cannot);

    WriteReport report;
    try {
      report = OutputWriter.write(config.outputDirectory(), files);
    } catch (IOException e) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "cannot write the generated sources: " + e,
          config.outputDirectory().toString(), null, null));
      throw new GenerationException("Writing to " + config.outputDirectory() + " failed", diagnostics.all());
    }
    return new GenerationResult(config.outputDirectory(), report.written(), report.unchanged(), report.deleted(),
        server.tools().size(), diagnostics.warnings());
  }

  /**
   * One API's tools, filtered and customized (issue 4), under the names a server of that API alone would give them;
   * its diagnostics name its file.
   */
  private static ServerModelFactory.CatalogPart apiTools(ApiSource source, GeneratorConfig config,
      NamingStrategy naming, DescriptionTemplate template, Diagnostics diagnostics) throws GenerationException {
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
    SchemaConverter inputs = new SchemaConverter(components, api.openApi31(), Direction.INPUT, diagnostics);
    SchemaConverter outputs = new SchemaConverter(components, api.openApi31(), Direction.OUTPUT, diagnostics);
    List<ToolModel> tools = new ToolModelFactory(naming, inputs, outputs, new DescriptionComposer(template),
        config.fileParts(), config.schemaBudget(), diagnostics).customizedTools(operations);
    if (api.operations().isEmpty()) {
      diagnostics.warning("the spec has no operations: " + (source.namespace() == null ? "the server has no tools"
          : "API '" + source.namespace() + "' adds no tools"), "/paths", null);
    }
    Set<String> chosenNames = new LinkedHashSet<>();
    operations.stream()
        .map(operation -> operation.settings().name())
        .filter(Objects::nonNull)
        .forEach(name -> chosenNames.add(name.value()));
    return new ServerModelFactory.CatalogPart(source.namespace(), api, tools, chosenNames);
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
