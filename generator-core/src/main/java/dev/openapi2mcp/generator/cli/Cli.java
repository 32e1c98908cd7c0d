package dev.openapi2mcp.generator.cli;

import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.Reports;
import java.io.PrintStream;
import java.util.List;

/**
 * The command line of the generator, for builds without Maven and for corpus runs: {@code generate} maps its
 * options onto {@link GeneratorConfig} and calls {@link Generator#run(GeneratorConfig)}, {@code lint} calls
 * {@link Generator#lint(GeneratorConfig)}, {@code init} writes a new Maven project ({@link NewProject}).
 *
 * <p>Output: the summary and requested texts (help, version) on {@code out}; warnings, failures and usage errors
 * on {@code err}. {@link #run} returns the exit status and never calls {@code System.exit}, so that it can be
 * tested in-process.
 */
public final class Cli {

  /** Generated or linted (warnings may have been printed), or help or version printed. */
  public static final int OK = 0;
  /**
   * The generator refused: the config, the spec, the overrides or the template is invalid, the tools exceed the
   * token budget, or the output cannot be written. {@code generate} and {@code lint} fail alike; {@code init} when
   * the directory is not empty, the spec cannot be read or the project cannot be written.
   */
  public static final int GENERATION_FAILED = 1;
  /** The command line itself is wrong: unknown command or option, missing or bad value, missing option. */
  public static final int USAGE_ERROR = 2;
  /** A bug: an unexpected exception, printed with its stack trace. */
  public static final int INTERNAL_ERROR = 3;

  private final PrintStream out;
  private final PrintStream err;

  public Cli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs one command and returns the exit status. */
  public int run(String... args) {
    try {
      return dispatch(List.of(args));
    } catch (UsageException e) {
      err.println(CliMessages.usageError(e));
      return USAGE_ERROR;
    } catch (RuntimeException e) {
      err.println(Reports.PREFIX + "internal error; please report it with the spec that caused it:");
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int dispatch(List<String> args) throws UsageException {
    if (args.isEmpty()) {
      throw new UsageException("missing command: generate or lint");
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (command) {
      case "help", "--help", "-h" -> {
        out.print(Usage.text());
        return OK;
      }
      case "--version" -> {
        out.println("openapi2mcp " + Version.current());
        return OK;
      }
      case "generate", "lint" -> {
        if (rest.contains("--help") || rest.contains("-h")) {
          out.print(Usage.text());
          return OK;
        }
        return command.equals("generate")
            ? generate(GenerateOptions.parse(rest).toConfig())
            : lint(GenerateOptions.parseLint(rest).toLintConfig());
      }
      case "init" -> {
        if (rest.contains("--help") || rest.contains("-h")) {
          out.print(Usage.text());
          return OK;
        }
        return init(InitOptions.parse(rest));
      }
      default -> throw new UsageException(command.startsWith("-")
          ? "unknown option '" + command + "': options go after the command, e.g. generate " + command
          : "unknown command '" + command + "'");
    }
  }

  private int generate(GeneratorConfig config) {
    GenerationResult result;
    try {
      result = Generator.run(config);
    } catch (GenerationException e) {
      err.println(Reports.failure(Reports.Run.GENERATION, config.inputSpecs(), e));
      return GENERATION_FAILED;
    }
    result.warnings().forEach(warning -> err.println(CliMessages.warning(warning)));
    out.println(Reports.summary(config.serverName(), result));
    out.println(Reports.lint(config.serverName(), result));
    return OK;
  }

  /** Lint alone: the same warnings and table as {@code generate}, no sources; the report files when asked for. */
  private int lint(GeneratorConfig config) {
    GenerationResult result;
    try {
      result = Generator.lint(config);
    } catch (GenerationException e) {
      err.println(Reports.failure(Reports.Run.LINT, config.inputSpecs(), e));
      return GENERATION_FAILED;
    }
    result.warnings().forEach(warning -> err.println(CliMessages.warning(warning)));
    out.println(Reports.lint(config.serverName(), result));
    if (config.reportDirectory() != null) {
      out.println(CliMessages.reportFiles(config.reportDirectory()));
    }
    return OK;
  }

  /** A new project; it prints the commands that build and start it. */
  private int init(InitOptions options) {
    ProjectSettings settings = options.settings(Version.current());
    try {
      NewProject.create(options.directory(), options.spec(), settings);
    } catch (NewProject.ProjectException e) {
      err.println(Reports.PREFIX + "init failed: " + e.getMessage());
      return GENERATION_FAILED;
    }
    out.print(CliMessages.newProject(options.directory(), settings));
    return OK;
  }
}
