package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.customize.CustomizedOperation;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The tools of one API, built in contiguous slices on the available cores (issue 6: on GitHub's 1,223 operations
 * this stage took a quarter of a generation run on one core).
 *
 * <p>Names are allocated first, for all operations at once, since a name's uniqueness depends on every other one.
 * Each slice then has a factory of its own, from {@code factories}, with its own schema converters and a
 * diagnostics buffer of its own, so that no state is shared between threads. The buffers, budget cuts and left-out
 * output schemas are joined in slice order; since a run keeps identical diagnostics once, a component's warning that
 * two slices both found stays where the first slice put it, as in a run on one thread.
 *
 * <p>Invariant: the tools come out in the operations' order, whatever thread built which slice.
 */
public final class ToolBatch {
  /** Operations per slice below which slicing costs more than it saves: each slice converts its components anew. */
  static final int MIN_SLICE = 150;

  private final List<ToolModel> tools;
  private final Map<String, List<String>> budgetCuts;
  private final Map<String, Integer> outputSchemasLeftOut;

  private ToolBatch(List<ToolModel> tools, Map<String, List<String>> budgetCuts,
      Map<String, Integer> outputSchemasLeftOut) {
    this.tools = tools;
    this.budgetCuts = budgetCuts;
    this.outputSchemasLeftOut = outputSchemasLeftOut;
  }

  /**
   * Builds one tool per operation, in order.
   *
   * @param factories makes a factory whose every diagnostic goes to the buffer it is given
   * @param diagnostics the run's diagnostics: naming's, then each slice's buffer, in order
   */
  public static ToolBatch build(List<CustomizedOperation> operations, NamingStrategy naming,
      Function<Diagnostics, ToolModelFactory> factories, Diagnostics diagnostics) {
    return build(operations, naming, factories, diagnostics,
        slices(operations.size(), Runtime.getRuntime().availableProcessors()));
  }

  /** As {@link #build(List, NamingStrategy, Function, Diagnostics)}, in {@code slices} slices. */
  static ToolBatch build(List<CustomizedOperation> operations, NamingStrategy naming,
      Function<Diagnostics, ToolModelFactory> factories, Diagnostics diagnostics, int slices) {
    List<String> names = ToolNames.of(operations, naming, diagnostics);
    List<String> methods = naming.methodNames(names);
    int size = (operations.size() + slices - 1) / Math.max(1, slices);
    List<Slice> built = IntStream.range(0, slices).parallel().mapToObj(index -> {
      int from = index * size;
      int to = Math.min(operations.size(), from + size);
      Diagnostics buffer = new Diagnostics(diagnostics.file());
      ToolModelFactory factory = factories.apply(buffer);
      List<ToolModel> tools = factory.namedTools(operations.subList(from, to), names.subList(from, to),
          methods.subList(from, to));
      return new Slice(tools, buffer, factory.budgetCuts(), factory.outputSchemasLeftOut());
    }).toList();

    List<ToolModel> tools = new ArrayList<>();
    Map<String, List<String>> budgetCuts = new LinkedHashMap<>();
    Map<String, Integer> leftOut = new LinkedHashMap<>();
    for (Slice slice : built) {
      tools.addAll(slice.tools());
      slice.diagnostics().all().forEach(diagnostics::add);
      budgetCuts.putAll(slice.budgetCuts());
      leftOut.putAll(slice.outputSchemasLeftOut());
    }
    return new ToolBatch(List.copyOf(tools), Collections.unmodifiableMap(budgetCuts),
        Collections.unmodifiableMap(leftOut));
  }

  /** How many slices: one per core, but none smaller than {@link #MIN_SLICE} operations, and at least one. */
  static int slices(int operations, int cores) {
    return Math.max(1, Math.min(cores, operations / MIN_SLICE));
  }

  /** The tools, in the operations' order. */
  public List<ToolModel> tools() {
    return tools;
  }

  /** As {@link ToolModelFactory#budgetCuts()}, for all slices. */
  public Map<String, List<String>> budgetCuts() {
    return budgetCuts;
  }

  /** As {@link ToolModelFactory#outputSchemasLeftOut()}, for all slices. */
  public Map<String, Integer> outputSchemasLeftOut() {
    return outputSchemasLeftOut;
  }

  private record Slice(List<ToolModel> tools, Diagnostics diagnostics, Map<String, List<String>> budgetCuts,
      Map<String, Integer> outputSchemasLeftOut) {}
}
