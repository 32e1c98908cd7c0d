package dev.openapi2mcp.runtime.credentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * TLS toward the API (issue 5): a client certificate for mutual TLS, and extra certificate authorities to trust.
 *
 * <p>Client certificate: a PKCS12 keystore (its password from an environment variable), or PEM: the certificate
 * chain and an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}), in one file or two.
 * Trust: the CAs of a PEM file (one or more certificates) or of a PKCS12 keystore are <em>added</em> to the JVM's
 * default trust roots, so that an internal API with a private CA and a public token endpoint both work. Hosts are
 * always verified.
 *
 * <p>Errors name the file and what is wrong with it, never a password or key material.
 */
public final class UpstreamTls {
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private final SSLContext context;
  private final X509TrustManager trustManager;

  private UpstreamTls(SSLContext context, X509TrustManager trustManager) {
    this.context = context;
    this.trustManager = trustManager;
  }

  /**
   * Builds the TLS settings.
   *
   * @param clientCert a PKCS12 keystore or PEM file with the client certificate, or null for none
   * @param clientKey a PEM file with the private key when {@code clientCert} is PEM without one, or null
   * @param clientCertPassword the PKCS12 password, or null (PEM, or a keystore without one)
   * @param ca a PEM or PKCS12 file of CAs to trust besides the default roots, or null
   * @param caPassword the PKCS12 password of {@code ca}, or null
   * @throws IllegalArgumentException naming the file when one cannot be used
   */
  public static UpstreamTls load(Path clientCert, Path clientKey, char[] clientCertPassword, Path ca,
      char[] caPassword) {
    try {
      KeyManager[] keyManagers = null;
      if (clientCert != null) {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        char[] password = clientCertPassword == null ? new char[0] : clientCertPassword;
        keys.init(clientKeyStore(clientCert, clientKey, password), password);
        keyManagers = keys.getKeyManagers();
      }
      X509TrustManager trust = trustManager(ca, caPassword);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, new TrustManager[] {trust}, null);
      return new UpstreamTls(context, trust);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the upstream TLS settings cannot be used: "
          + e.getClass().getSimpleName());
    }
  }

  /** Makes {@code builder} use these settings. */
  public OkHttpClient.Builder apply(OkHttpClient.Builder builder) {
    return builder.sslSocketFactory(context.getSocketFactory(), trustManager);
  }

  private static KeyStore clientKeyStore(Path certFile, Path keyFile, char[] password)
      throws GeneralSecurityException {
    byte[] bytes = read("--upstream-client-cert", certFile);
    if (!isPem(bytes)) {
      if (keyFile != null) {
        throw new IllegalArgumentException("--upstream-client-key " + keyFile
            + " is only for a PEM certificate; " + certFile + " is read as PKCS12, which holds its own key");
      }
      return pkcs12("--upstream-client-cert", certFile, bytes, password, true);
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    List<X509Certificate> chain = certificates("--upstream-client-cert", certFile, text);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("--upstream-client-cert " + certFile + " holds no PEM CERTIFICATE");
    }
    Path keySource = keyFile != null ? keyFile : certFile;
    String keyText = keyFile != null
        ? new String(read("--upstream-client-key", keyFile), StandardCharsets.US_ASCII) : text;
    PrivateKey key = privateKey(keyFile != null ? "--upstream-client-key" : "--upstream-client-cert", keySource,
        keyText, chain.get(0));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
    return store;
  }

  private static PrivateKey privateKey(String option, Path file, String text, X509Certificate certificate) {
    Matcher matcher = PEM.matcher(text);
    while (matcher.find()) {
      String type = matcher.group(1);
      if (type.equals("PRIVATE KEY")) {
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
        String algorithm = certificate.getPublicKey().getAlgorithm();
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
          throw new IllegalArgumentException(option + " " + file + ": the PRIVATE KEY is not a " + algorithm
              + " key matching the certificate");
        }
      }
      if (type.endsWith("PRIVATE KEY")) {
        throw new IllegalArgumentException(option + " " + file + ": a " + type + " block is not supported; "
            + "convert it to unencrypted PKCS#8 (openssl pkcs8 -topk8 -nocrypt) or use a PKCS12 keystore");
      }
    }
    throw new IllegalArgumentException(option + " " + file + " holds no PEM PRIVATE KEY; give it with "
        + "--upstream-client-key or use a PKCS12 keystore");
  }

  private static X509TrustManager trustManager(Path ca, char[] password) throws GeneralSecurityException {
    TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    if (ca == null) {
      return x509(defaults);
    }
    List<X509Certificate> extra;
    byte[] bytes = read("--upstream-ca", ca);
    if (isPem(bytes)) {
      extra = certificates("--upstream-ca", ca, new String(bytes, StandardCharsets.US_ASCII));
    } else {
      KeyStore store = pkcs12("--upstream-ca", ca, bytes, password, false);
      extra = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.getCertificate(alias) instanceof X509Certificate certificate) {
          extra.add(certificate);
        }
      }
    }
    if (extra.isEmpty()) {
      throw new IllegalArgumentException("--upstream-ca " + ca + " holds no certificate");
    }
    KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      roots.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int n = 0;
    for (X509Certificate root : x509(defaults).getAcceptedIssuers()) {
      roots.setCertificateEntry("default-" + n++, root);
    }
    for (X509Certificate certificate : extra) {
      roots.setCertificateEntry("upstream-ca-" + n++, certificate);
    }
    TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    combined.init(roots);
    return x509(combined);
  }

  private static X509TrustManager x509(TrustManagerFactory factory) {
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JVM has no X.509 trust manager");
  }

  private static List<X509Certificate> certificates(String option, Path file, String text) {
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher matcher = PEM.matcher(text);
    while (matcher.find()) {
      if (!matcher.group(1).equals("CERTIFICATE")) {
        continue;
      }
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
      try (InputStream in = new ByteArrayInputStream(der)) {
        certificates.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalArgumentException(option + " " + file + ": certificate " + (certificates.size() + 1)
            + " cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    return certificates;
  }

  private static KeyStore pkcs12(String option, Path file, byte[] bytes, char[] password, boolean needsKey) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), password);
      if (needsKey && !hasKey(store)) {
        throw new IllegalArgumentException(option + " " + file + ": the PKCS12 keystore holds no private key");
      }
      return store;
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + " is neither PEM nor a PKCS12 keystore that "
          + "opens with the given password");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(option + " " + file + " cannot be read as PKCS12 ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPem(byte[] bytes) {
    return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
  }

  private static byte[] read(String option, Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + " cannot be read (" + e.getClass().getSimpleName()
          + ")");
    }
  }
}
