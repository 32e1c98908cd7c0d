package dev.openapi2mcp.generator.customize;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.util.Objects;

/**
 * Where a customization is written: a key of the overrides file, or an {@code x-mcp-*} member of the spec, each
 * with its JSON pointer.
 *
 * <p>Problems with it are reported so that the user can find the place: one in the overrides file names the file
 * and the pointer in the message itself ({@code unknown operationId 'getPetByID' in overrides.yaml
 * (/operations/getPetByID): did you mean getPetById?}), since a diagnostic's own location is the spec's; one in the
 * spec is an ordinary diagnostic at its pointer.
 *
 * @param overridesFile the overrides file as the user named it, or null for the spec
 * @param pointer the JSON pointer of the key in that file
 */
public record Origin(String overridesFile, String pointer) {

  public Origin {
    Objects.requireNonNull(pointer, "pointer");
  }

  public static Origin overrides(String file, String pointer) {
    return new Origin(Objects.requireNonNull(file, "file"), pointer);
  }

  public static Origin spec(String pointer) {
    return new Origin(null, pointer);
  }

  /** The origin of a member under this one. */
  public Origin child(String... tokens) {
    return new Origin(overridesFile, JsonPointers.append(pointer, tokens));
  }

  /** The key this origin points at: the pointer's last token, e.g. {@code value} or {@code x-mcp-value}. */
  public String key() {
    int slash = pointer.lastIndexOf('/');
    return JsonPointers.unescape(pointer.substring(slash + 1));
  }

  /** How messages name the key: {@code 'value'} in the overrides file, {@code x-mcp-value} in the spec. */
  public String label() {
    return overridesFile == null ? key() : "'" + key() + "'";
  }

  /**
   * Reports an error about what is written here.
   *
   * @param subject what is wrong, e.g. {@code unknown operationId 'getPetByID'}
   * @param detail why, or a suggestion ({@code did you mean getPetById?}); null for none
   */
  public void error(Diagnostics diagnostics, String subject, String detail, String operationId) {
    String why = detail == null || detail.isEmpty() ? "" : ": " + detail;
    if (overridesFile == null) {
      diagnostics.error(subject + why, pointer, operationId);
    } else {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR,
          subject + " in " + overridesFile + " (" + pointer + ")" + why, null, null, operationId));
    }
  }
}
