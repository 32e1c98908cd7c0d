package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.customize.CustomizedOperation;
import dev.openapi2mcp.generator.customize.Setting;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.generator.naming.OperationKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tool names of a server: the names users chose (overrides file, {@code x-mcp-name}) as they are, the others
 * made by the {@link NamingStrategy} as if the chosen ones were not there.
 *
 * <p>A chosen name the naming strategy refuses (characters, length) is an error, and the tool falls back to its
 * made name so that the run can report everything else. A chosen name that another tool also has, chosen or made,
 * is an error naming both operations: silently renaming the other would break its clients.
 */
final class ToolNames {
  private ToolNames() {}

  static List<String> of(List<CustomizedOperation> operations, NamingStrategy naming, Diagnostics diagnostics) {
    String[] names = new String[operations.size()];
    List<Integer> made = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      Setting<String> chosen = operations.get(i).settings().name();
      String problem = chosen == null ? null : naming.chosenToolNameProblem(chosen.value());
      if (chosen != null && problem == null) {
        names[i] = chosen.value();
      } else {
        if (problem != null) {
          chosen.origin().error(diagnostics, "invalid tool name '" + chosen.value() + "' for "
              + operations.get(i).operation().displayName(), problem, operations.get(i).operation().operationId());
        }
        made.add(i);
      }
    }
    List<OperationKey> keys = new ArrayList<>();
    for (int i : made) {
      OperationModel operation = operations.get(i).operation();
      keys.add(new OperationKey(operation.operationId(), operation.method().name(), operation.path()));
    }
    List<String> madeNames = naming.toolNames(keys);
    for (int k = 0; k < made.size(); k++) {
      names[made.get(k)] = madeNames.get(k);
    }
    reportDuplicates(operations, names, made, diagnostics);
    return List.of(names);
  }

  private static void reportDuplicates(List<CustomizedOperation> operations, String[] names, List<Integer> made,
      Diagnostics diagnostics) {
    Map<String, Integer> holder = new HashMap<>();
    made.forEach(i -> holder.put(names[i], i));
    Set<Integer> madeIndexes = new HashSet<>(made);
    for (int i = 0; i < names.length; i++) {
      if (madeIndexes.contains(i)) {
        continue;
      }
      Integer other = holder.putIfAbsent(names[i], i);
      if (other != null) {
        OperationModel operation = operations.get(i).operation();
        operations.get(i).settings().name().origin().error(diagnostics, "duplicate tool name '" + names[i]
            + "' for " + operation.displayName(), operations.get(other).operation().displayName()
            + " has this name too", operation.operationId());
      }
    }
  }
}
