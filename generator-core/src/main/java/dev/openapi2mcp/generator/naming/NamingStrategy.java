package dev.openapi2mcp.generator.naming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every name the generator makes: tool names, argument names, Java class and method names. One place, so that
 * the rules stay consistent; a later customization point can subclass it.
 *
 * <p>Invariants, for any input:
 * <ul>
 *   <li>tool names match {@code [A-Za-z0-9_.-]{1,maxToolNameLength}} and are unique within a server;</li>
 *   <li>argument names match {@code [A-Za-z0-9_.-]{1,64}} and are unique within a tool;</li>
 *   <li>class and method names are valid Java identifiers, never keywords, and method names are unique and
 *       never clash with {@code all()} or {@link Object}'s methods;</li>
 *   <li>every name depends only on the inputs and their order: the same spec gives the same names.</li>
 * </ul>
 */
public class NamingStrategy {

  /** Longest argument name: some MCP clients refuse longer input schema property names. */
  public static final int MAX_ARGUMENT_LENGTH = 64;

  private static final String TOOL_NAME_CHARS = "_.-";
  private static final Pattern CHOSEN_TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Names a generated Tools class already has, or that would hide {@link Object}'s instance methods. */
  private static final Set<String> TAKEN_METHOD_NAMES = Set.of(
      "all", "getClass", "hashCode", "equals", "toString", "clone", "finalize", "notify", "notifyAll", "wait");

  private final int maxToolNameLength;

  public NamingStrategy(int maxToolNameLength) {
    if (maxToolNameLength < 8) {
      throw new IllegalArgumentException("maxToolNameLength must be at least 8, was " + maxToolNameLength);
    }
    this.maxToolNameLength = maxToolNameLength;
  }

  /**
   * Tool names for the operations, in their order.
   *
   * <p>A name is the operationId with characters outside {@code [A-Za-z0-9_.-]} replaced, or, without one,
   * method and path ({@code GET /pet/{petId}} → {@code get_pet_petId}). The first operation to want a name
   * that fits gets it unchanged. A later duplicate gets {@code _2}, {@code _3}, …; a name too long is shortened
   * readably (words abbreviated as little as needed, see {@link Abbreviations}, then cut at a word boundary), and
   * only if that is taken does it get a short hash of the operation's method and path.
   */
  public List<String> toolNames(List<OperationKey> operations) {
    List<String> wanted = new ArrayList<>();
    for (OperationKey operation : operations) {
      wanted.add(baseToolName(operation));
    }
    String[] names = new String[operations.size()];
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < wanted.size(); i++) {
      String name = wanted.get(i);
      if (name.length() <= maxToolNameLength && taken.add(name)) {
        names[i] = name;
      }
    }
    for (int i = 0; i < wanted.size(); i++) {
      if (names[i] == null) {
        names[i] = allocateToolName(wanted.get(i), operations.get(i), taken);
      }
    }
    return List.of(names);
  }

  /**
   * Why {@code name}, a tool name the user chose (overrides file, {@code x-mcp-name}), cannot be used, or null when
   * it can. A chosen name is taken as it is, never sanitized or shortened: it must already match
   * {@code [A-Za-z0-9_.-]} and fit {@code maxToolNameLength}. Uniqueness is the caller's to check, since only it
   * knows whom to name in the message.
   */
  public String chosenToolNameProblem(String name) {
    if (!CHOSEN_TOOL_NAME.matcher(name).matches()) {
      return "a tool name may only hold letters, digits, '_', '.' and '-'";
    }
    if (name.length() > maxToolNameLength) {
      return "it is " + name.length() + " characters long, more than the limit of " + maxToolNameLength;
    }
    return null;
  }

  /**
   * The name an operation would like, before length limits and uniqueness; when it is longer than the limit, the
   * tool got a shortened name (lint reports it).
   */
  public final String wantedToolName(OperationKey operation) {
    return baseToolName(operation);
  }

  public int maxToolNameLength() {
    return maxToolNameLength;
  }

  /** The name an operation would like, before length limits and uniqueness. */
  protected String baseToolName(OperationKey operation) {
    if (operation.operationId() != null) {
      String sanitized = Words.sanitize(operation.operationId(), TOOL_NAME_CHARS);
      if (!sanitized.isEmpty()) {
        return sanitized;
      }
    }
    StringBuilder name = new StringBuilder(operation.method().toLowerCase(Locale.ROOT));
    for (String segment : operation.path().split("/")) {
      String part = Words.sanitize(segment.replace("{", "").replace("}", ""), TOOL_NAME_CHARS);
      if (!part.isEmpty()) {
        name.append('_').append(part);
      }
    }
    return name.toString();
  }

  /**
   * Tool names for the tools of a service catalog (issue 4), in their order: {@code {namespace}_{name}}, where
   * {@code name} is what {@link #toolNames} made of the operation in its own API, with the same rules for length and
   * uniqueness applied to the whole server and only to the part after the namespace, so that the prefix always
   * survives. An explicit name is taken as is, before any other; the hash that tells apart colliding long names
   * covers the namespace, so that the same operation in two APIs gets two hashes.
   *
   * <p>Namespaces must be shorter than half of {@code maxToolNameLength} (the generator checks this first).
   */
  public List<String> catalogToolNames(List<CatalogToolKey> tools) {
    String[] names = new String[tools.size()];
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < tools.size(); i++) {
      String explicit = tools.get(i).explicitName();
      if (explicit != null) {
        names[i] = explicit;
        taken.add(explicit);
      }
    }
    List<String> bases = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) {
      CatalogToolKey tool = tools.get(i);
      String base = tool.name();
      bases.add(base);
      String wanted = prefix(tool) + base;
      if (names[i] == null && wanted.length() <= maxToolNameLength && taken.add(wanted)) {
        names[i] = wanted;
      }
    }
    for (int i = 0; i < tools.size(); i++) {
      if (names[i] == null) {
        CatalogToolKey tool = tools.get(i);
        names[i] = allocateToolName(prefix(tool), bases.get(i),
            tool.namespace() + " " + tool.operation().identity(), taken);
      }
    }
    return List.of(names);
  }

  private static String prefix(CatalogToolKey tool) {
    return tool.namespace() + "_";
  }

  private String allocateToolName(String wanted, OperationKey operation, Set<String> taken) {
    return allocateToolName("", wanted, operation.identity(), taken);
  }

  /** {@code prefix} followed by {@code wanted} made to fit in what the prefix leaves, and unique in {@code taken}. */
  private String allocateToolName(String prefix, String wanted, String identity, Set<String> taken) {
    int limit = maxToolNameLength - prefix.length();
    if (wanted.length() > limit) {
      String cut = prefix + NameCutter.shorten(wanted, limit);
      if (taken.add(cut)) {
        return cut;
      }
      String hashed = prefix + NameCutter.shortenWithSuffix(wanted, "_" + NameCutter.hash(identity), limit);
      if (taken.add(hashed)) {
        return hashed;
      }
    }
    for (int n = 2; ; n++) {
      String numbered = prefix + NameCutter.shortenWithSuffix(wanted, "_" + n, limit);
      if (taken.add(numbered)) {
        return numbered;
      }
    }
  }

  /** The longest namespace a catalog may use: it must leave at least half of a tool name to the operation. */
  public int maxNamespaceLength() {
    return maxToolNameLength / 2 - 1;
  }

  /**
   * Argument names for one tool, in the order given; parameters should come first, so that they keep their
   * plain names. Each is its wire name with characters outside {@code [A-Za-z0-9_.-]} replaced ({@code $filter}
   * → {@code filter}); when that is taken it is prefixed by its origin ({@code body_name}, {@code header_id},
   * {@code request_body}), then numbered.
   */
  public List<String> argumentNames(List<ArgumentKey> arguments) {
    List<String> names = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (ArgumentKey argument : arguments) {
      String base = Words.sanitize(argument.wireName(), TOOL_NAME_CHARS);
      if (base.isEmpty()) {
        base = "arg";
      }
      String name = NameCutter.shorten(base, MAX_ARGUMENT_LENGTH);
      if (!taken.add(name)) {
        String prefixed = argument.origin() + "_" + base;
        name = NameCutter.shorten(prefixed, MAX_ARGUMENT_LENGTH);
        for (int n = 2; !taken.add(name); n++) {
          name = NameCutter.shortenWithSuffix(prefixed, "_" + n, MAX_ARGUMENT_LENGTH);
        }
      }
      names.add(name);
    }
    return names;
  }

  /** The server class: {@code petstore} → {@code PetstoreServer}. */
  public String serverClassName(String serverName) {
    return classStem(serverName) + "Server";
  }

  /**
   * The class holding the {@code index}th (0-based) group of tools: {@code PetstoreTools},
   * {@code PetstoreTools2}, …
   */
  public String toolsClassName(String serverName, int index) {
    return classStem(serverName) + "Tools" + (index == 0 ? "" : Integer.toString(index + 1));
  }

  /** UpperCamelCase ASCII words of the server name; {@code Mcp} in front when empty or starting with a digit. */
  protected String classStem(String serverName) {
    StringBuilder stem = new StringBuilder();
    for (String word : Words.split(Words.sanitize(serverName, "_"))) {
      stem.append(Words.capitalize(word));
    }
    if (stem.length() == 0 || Character.isDigit(stem.charAt(0))) {
      stem.insert(0, "Mcp");
    }
    return stem.toString();
  }

  /**
   * Java method names for the tools, in their order: lowerCamelCase of the tool name ({@code get_pet_petId} →
   * {@code getPetPetId}), {@code tool} in front of a leading digit, {@code Tool} after a keyword or a name the
   * class already has, a number after a duplicate.
   */
  public List<String> methodNames(List<String> toolNames) {
    List<String> names = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (String toolName : toolNames) {
      String base = methodStem(toolName);
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        name = base + n;
      }
      names.add(name);
    }
    return names;
  }

  private static String methodStem(String toolName) {
    StringBuilder name = new StringBuilder();
    for (String word : Words.split(Words.sanitize(toolName, "_"))) {
      if (name.length() > 0) {
        name.append(Words.capitalize(word));
      } else {
        // An acronym in front reads better all lower case: HTTPGet → httpGet, not hTTPGet.
        name.append(word.equals(word.toUpperCase(Locale.ROOT))
            ? word.toLowerCase(Locale.ROOT)
            : Words.decapitalize(word));
      }
    }
    if (name.length() == 0) {
      return "tool";
    }
    if (Character.isDigit(name.charAt(0))) {
      return "tool" + Words.capitalize(name.toString());
    }
    String stem = name.toString();
    return JavaNames.isReserved(stem) || TAKEN_METHOD_NAMES.contains(stem) ? stem + "Tool" : stem;
  }
}
