package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.ObjectMapperFactory;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a description file into a tree as swagger-parser does, within limits that keep a hostile file from
 * exhausting the build: its size; the length of a JSON value and the nesting of JSON (the JSON parser's own
 * constraints); the length of a YAML text and the expansion of its aliases ({@link YamlAliasBudget}).
 *
 * <p>The length of a YAML text is checked before it is parsed, against the limit swagger-parser applies when it
 * reads YAML (3 Mi code points unless the system property {@code maxYamlCodePoints} says otherwise): the parser
 * reports a longer text as broken only after scanning up to the limit, which takes time that grows with the square
 * of the length of a long scalar, and then reads the file again without that limit.
 *
 * <p>Invariant: a file over {@link #MAX_BYTES} is never read; a refusal names the file and the limit.
 */
final class DocumentLimits {

  /**
   * The largest description file read. Public descriptions stay far below it (GitHub's, among the largest, is
   * about 12 MB of JSON); a heap of 256 MB still holds a file this size with the tree read from it.
   */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /** A file that the limits refuse; the message names the limit, the pointer (or null) where it was exceeded. */
  static final class LimitExceeded extends Exception {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    LimitExceeded(String message, String pointer) {
      super(message);
      this.pointer = pointer;
    }

    String pointer() {
      return pointer;
    }
  }

  private DocumentLimits() {}

  /**
   * The tree of {@code file}, JSON or YAML, or null when it is neither.
   *
   * @throws LimitExceeded when the file is too large, holds a value or nesting beyond the JSON parser's limits,
   *     or has YAML aliases that expand too far
   * @throws IOException when the file cannot be read
   */
  static JsonNode readTree(Path file) throws LimitExceeded, IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new LimitExceeded("the file is " + size + " bytes; a description file may have at most " + MAX_BYTES
          + " bytes (64 MiB)", null);
    }
    byte[] bytes = Files.readAllBytes(file);
    if (startsAsJson(bytes)) {
      try {
        // The mapper swagger-parser reads JSON with, fed the bytes: no string of the whole file first.
        return ObjectMapperFactory.createJson().readTree(bytes);
      } catch (StreamConstraintsException e) {
        throw new LimitExceeded("the JSON parser's limit is exceeded: " + e.getOriginalMessage(), null);
      }
    }
    // Strict, as Files.readString: malformed UTF-8 fails instead of becoming replacement characters.
    String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    return yamlTree(text, file.toString());
  }

  /**
   * The tree of a YAML (or JSON) text read from {@code location}.
   *
   * @throws LimitExceeded when it is too long or its aliases expand too far
   */
  static JsonNode yamlTree(String text, String location) throws LimitExceeded {
    int maxCodePoints = DeserializationUtils.getOptions().getMaxYamlCodePoints();
    if (text.length() > maxCodePoints && text.codePointCount(0, text.length()) > maxCodePoints) {
      throw new LimitExceeded("the YAML text has " + text.codePointCount(0, text.length()) + " code points; YAML is"
          + " read up to " + maxCodePoints + " (raise it with -DmaxYamlCodePoints=N, or give the description as"
          + " JSON)", null);
    }
    Optional<YamlAliasBudget.Refusal> refusal = YamlAliasBudget.refusal(text);
    if (refusal.isPresent()) {
      throw new LimitExceeded(refusal.get().message(), refusal.get().pointer());
    }
    return DeserializationUtils.deserializeIntoTree(text, location);
  }

  /** swagger-parser's test for JSON: the text, without leading blanks and controls, starts with a brace. */
  private static boolean startsAsJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0 || b > ' ') {
        return b == '{';
      }
    }
    return false;
  }
}
