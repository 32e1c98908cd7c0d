package dev.openapi2mcp.generator.spec;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the spec comes from: a local file (given as a path or a {@code file:} URL) or an {@code http(s)} URL.
 *
 * @param display the input exactly as the user gave it, used in every diagnostic
 * @param parserLocation what swagger-parser is handed: an absolute file path or the URL
 * @param file the local file, or null for a remote URL
 */
record SpecSource(String display, String parserLocation, Path file) {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * Interprets {@code inputSpec}.
   *
   * @throws IllegalArgumentException with a message naming the input when it is neither a usable path nor URL
   */
  static SpecSource of(String inputSpec) {
    String lower = inputSpec.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        new URI(inputSpec).toURL();
      } catch (URISyntaxException | IllegalArgumentException | java.net.MalformedURLException e) {
        throw new IllegalArgumentException("the OpenAPI description is not a valid URL: " + inputSpec, e);
      }
      return new SpecSource(inputSpec, inputSpec, null);
    }
    Path path;
    try {
      path = lower.startsWith("file:") ? Path.of(new URI(inputSpec)) : Path.of(inputSpec);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the OpenAPI description is neither a file path nor a URL: " + inputSpec, e);
    }
    Path absolute = path.toAbsolutePath().normalize();
    return new SpecSource(inputSpec, absolute.toString(), absolute);
  }

  boolean isRemote() {
    return file == null;
  }

  boolean exists() {
    return isRemote() || Files.isRegularFile(file);
  }

  /**
   * Why reading failed, in the user's terms: {@code connection refused}, {@code unknown host example.com},
   * {@code timed out after 30 s}, {@code HTTP status 404}, else the exception's message (or its type when it has
   * none).
   */
  String cause(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "timed out after " + TIMEOUT.toSeconds() + " s";
    }
    if (e.getCause() instanceof UnresolvedAddressException || e instanceof UnknownHostException) {
      return "unknown host " + URI.create(parserLocation).getHost();
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** The raw text of the spec; a failure's message says why, see {@link #cause}. */
  String readText() throws IOException {
    if (!isRemote()) {
      return Files.readString(file, StandardCharsets.UTF_8);
    }
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(parserLocation)).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IOException("HTTP status " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + display, e);
    }
  }
}
