package dev.openapi2mcp.generator.spec;

/**
 * Which members of a description hold data or extensions rather than OpenAPI structure, so that the repairs leave
 * them alone: an example may well contain a {@code "$ref"} member, and GitHub's {@code x-github-breaking-changes}
 * holds response patches whose references are nobody's business but GitHub's.
 */
final class DataKeys {
  private DataKeys() {}

  /**
   * @param parentKey the member name under which the object holding {@code key} sits, or null at the root
   * @param key a member name of that object
   * @return whether the value under {@code key} is data or an extension: {@code x-…}, {@code example},
   *     {@code examples}; never for the names in a {@code properties} map, which are property names
   */
  static boolean holdsData(String parentKey, String key) {
    if ("properties".equals(parentKey) || "patternProperties".equals(parentKey)) {
      return false;
    }
    return key.startsWith("x-") || key.equals("example") || key.equals("examples");
  }
}
