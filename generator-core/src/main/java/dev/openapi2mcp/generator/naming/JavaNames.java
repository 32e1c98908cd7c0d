package dev.openapi2mcp.generator.naming;

import java.util.Set;

/** What Java accepts as a name. */
public final class JavaNames {

  /** Keywords, literals and the restricted identifiers that would break or confuse generated code. */
  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_", "var",
      "yield", "record", "sealed", "permits");

  private JavaNames() {}

  public static boolean isReserved(String name) {
    return RESERVED.contains(name);
  }

  /** Whether {@code name} is a Java identifier that is no keyword or restricted identifier. */
  public static boolean isIdentifier(String name) {
    if (name.isEmpty() || isReserved(name) || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
      return false;
    }
    return name.codePoints().allMatch(Character::isJavaIdentifierPart);
  }

  /** Whether {@code name} is a named package: dot-separated identifiers. The unnamed package is refused. */
  public static boolean isPackageName(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }
}
