package dev.openapi2mcp.runtime.cli;

import static dev.openapi2mcp.runtime.cli.OptionValues.envName;
import static dev.openapi2mcp.runtime.cli.OptionValues.headerName;
import static dev.openapi2mcp.runtime.cli.OptionValues.httpUrl;
import static dev.openapi2mcp.runtime.cli.OptionValues.readableFile;

import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.credentials.CredentialsFile;
import dev.openapi2mcp.runtime.credentials.UpstreamTls;
import dev.openapi2mcp.runtime.http.UpstreamOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The command-line options of authentication toward the API (issue 5): a credentials file, mutual TLS and extra
 * CAs, inbound headers to forward, and token exchange. Like {@link InboundOptions}, secrets never come from the
 * command line: options name a file or an environment variable.
 *
 * @param credentialsFile {@code --credentials-file}: upstream credentials per scheme (properties or YAML)
 * @param clientCert {@code --upstream-client-cert}: PKCS12 keystore or PEM certificate (and key) for mutual TLS
 * @param clientKey {@code --upstream-client-key}: the PEM private key when the certificate file has none
 * @param clientCertPasswordEnv {@code --upstream-client-cert-password-env}: the variable with the PKCS12 password
 * @param ca {@code --upstream-ca}: PEM or PKCS12 CAs trusted besides the default roots
 * @param caPasswordEnv {@code --upstream-ca-password-env}: the variable with the PKCS12 password of the CA file
 * @param forwardHeaders {@code --forward-header}: MCP-client request headers sent upstream (repeatable)
 * @param tokenExchangeUrl {@code --token-exchange-url}: the RFC 8693 token endpoint for on-behalf-of calls
 * @param tokenExchangeAudience {@code --token-exchange-audience}: the audience requested in token exchange
 */
public record OutboundOptions(Path credentialsFile, Path clientCert, Path clientKey, String clientCertPasswordEnv,
    Path ca, String caPasswordEnv, List<String> forwardHeaders, URI tokenExchangeUrl, String tokenExchangeAudience) {

  /** Nothing beyond the environment's credentials. */
  public static final OutboundOptions NONE =
      new OutboundOptions(null, null, null, null, null, null, List.of(), null, null);

  /** The option names, in the order {@code --help} lists them. */
  static final List<String> NAMES = List.of("--credentials-file", "--upstream-client-cert", "--upstream-client-key",
      "--upstream-client-cert-password-env", "--upstream-ca", "--upstream-ca-password-env", "--forward-header",
      "--token-exchange-url", "--token-exchange-audience");

  public OutboundOptions {
    forwardHeaders = List.copyOf(forwardHeaders);
  }

  /** This group's value after one more option; checks the value's form. */
  OutboundOptions with(String name, String value) throws UsageException {
    OutboundOptions o = this;
    return switch (name) {
      case "--credentials-file" -> new OutboundOptions(readableFile(name, value), o.clientCert, o.clientKey,
          o.clientCertPasswordEnv, o.ca, o.caPasswordEnv, o.forwardHeaders, o.tokenExchangeUrl,
          o.tokenExchangeAudience);
      case "--upstream-client-cert" -> new OutboundOptions(o.credentialsFile, readableFile(name, value), o.clientKey,
          o.clientCertPasswordEnv, o.ca, o.caPasswordEnv, o.forwardHeaders, o.tokenExchangeUrl,
          o.tokenExchangeAudience);
      case "--upstream-client-key" -> new OutboundOptions(o.credentialsFile, o.clientCert, readableFile(name, value),
          o.clientCertPasswordEnv, o.ca, o.caPasswordEnv, o.forwardHeaders, o.tokenExchangeUrl,
          o.tokenExchangeAudience);
      case "--upstream-client-cert-password-env" -> new OutboundOptions(o.credentialsFile, o.clientCert,
          o.clientKey, envName(name, value, "CLIENT_P12_PASSWORD"), o.ca, o.caPasswordEnv, o.forwardHeaders, o.tokenExchangeUrl,
          o.tokenExchangeAudience);
      case "--upstream-ca" -> new OutboundOptions(o.credentialsFile, o.clientCert, o.clientKey,
          o.clientCertPasswordEnv, readableFile(name, value), o.caPasswordEnv, o.forwardHeaders, o.tokenExchangeUrl,
          o.tokenExchangeAudience);
      case "--upstream-ca-password-env" -> new OutboundOptions(o.credentialsFile, o.clientCert, o.clientKey,
          o.clientCertPasswordEnv, o.ca, envName(name, value, "CLIENT_P12_PASSWORD"), o.forwardHeaders, o.tokenExchangeUrl,
          o.tokenExchangeAudience);
      case "--forward-header" -> new OutboundOptions(o.credentialsFile, o.clientCert, o.clientKey,
          o.clientCertPasswordEnv, o.ca, o.caPasswordEnv, plus(o.forwardHeaders, header(name, value)),
          o.tokenExchangeUrl, o.tokenExchangeAudience);
      case "--token-exchange-url" -> new OutboundOptions(o.credentialsFile, o.clientCert, o.clientKey,
          o.clientCertPasswordEnv, o.ca, o.caPasswordEnv, o.forwardHeaders, httpUrl(name, value),
          o.tokenExchangeAudience);
      case "--token-exchange-audience" -> new OutboundOptions(o.credentialsFile, o.clientCert, o.clientKey,
          o.clientCertPasswordEnv, o.ca, o.caPasswordEnv, o.forwardHeaders, o.tokenExchangeUrl,
          audience(name, value));
      default -> throw new IllegalStateException(name);
    };
  }

  /** Checks that the given options fit together. */
  void check(CommandLine.Transport transport) throws UsageException {
    if (transport != CommandLine.Transport.HTTP) {
      if (!forwardHeaders.isEmpty()) {
        throw new UsageException("--forward-header needs --transport http: over stdio there are no client headers");
      }
      if (tokenExchangeUrl != null) {
        throw new UsageException("--token-exchange-url needs --transport http: over stdio there is no client token "
            + "to exchange");
      }
    }
    if (tokenExchangeAudience != null && tokenExchangeUrl == null) {
      throw new UsageException("--token-exchange-audience needs --token-exchange-url");
    }
    if (clientKey != null && clientCert == null) {
      throw new UsageException("--upstream-client-key needs --upstream-client-cert");
    }
    if (clientCertPasswordEnv != null && clientCert == null) {
      throw new UsageException("--upstream-client-cert-password-env needs --upstream-client-cert");
    }
    if (caPasswordEnv != null && ca == null) {
      throw new UsageException("--upstream-ca-password-env needs --upstream-ca");
    }
  }

  /**
   * The upstream options of the executor: credentials from {@code environment}, then {@code systemProperties},
   * then the credentials file; TLS loaded; headers to forward; token exchange.
   *
   * @param warnings receives what the operator should fix but does not stop the server (a secret in a system
   *     property, a readable file)
   * @throws UsageException when a file cannot be used or a password variable is not set (named, no secret shown)
   */
  public UpstreamOptions resolve(Map<String, String> environment, Map<String, String> systemProperties,
      Consumer<String> warnings) throws UsageException {
    CredentialsFile file = null;
    CredentialSources.secretPropertyWarnings(systemProperties).forEach(warnings);
    try {
      if (credentialsFile != null) {
        file = CredentialsFile.load(credentialsFile);
        file.warnings().forEach(warnings);
      }
      UpstreamTls tls = null;
      if (clientCert != null || ca != null) {
        tls = UpstreamTls.load(clientCert, clientKey, password(environment, clientCertPasswordEnv,
            "--upstream-client-cert-password-env"), ca, password(environment, caPasswordEnv,
            "--upstream-ca-password-env"));
      }
      return new UpstreamOptions(CredentialSources.of(environment, systemProperties, file), tls, forwardHeaders,
          tokenExchangeUrl, tokenExchangeAudience);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static char[] password(Map<String, String> environment, String variable, String option)
      throws UsageException {
    if (variable == null) {
      return null;
    }
    String value = environment.get(variable);
    if (value == null) {
      throw new UsageException(option + ": the environment variable " + variable + " is not set");
    }
    return value.toCharArray();
  }

  private static List<String> plus(List<String> list, String value) {
    List<String> more = new ArrayList<>(list);
    if (more.stream().noneMatch(value::equalsIgnoreCase)) {
      more.add(value);
    }
    return more;
  }

  private static String header(String name, String value) throws UsageException {
    headerName(name, value, "X-Request-Id");
    if (UpstreamOptions.NOT_FORWARDABLE.contains(value.toLowerCase(Locale.ROOT))) {
      throw new UsageException(name + ": the header '" + value + "' belongs to the MCP connection and cannot be "
          + "forwarded");
    }
    return value;
  }

  private static String audience(String name, String value) throws UsageException {
    if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new UsageException(name + " must be a non-empty audience such as https://api.example.com");
    }
    return value.strip();
  }
}
