package dev.openapi2mcp.runtime.transport.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server certificate for HTTPS on the transport's own port (issue 5), for deployments without a proxy that
 * terminates TLS: a PKCS12 keystore holding one private key with its certificate chain. The password comes from the
 * environment, never from the command line, where {@code ps} would show it.
 */
public final class TlsKeystore {
  private TlsKeystore() {}

  /**
   * Loads the keystore and builds a server TLS context (the JDK's protocol defaults: TLS 1.2 and 1.3).
   *
   * @throws IllegalArgumentException naming the file when it cannot be read, is not PKCS12, the password is wrong or
   *     it holds no private key; the message never holds the password
   */
  public static SSLContext load(Path file, char[] password) {
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException("TLS keystore " + file + ": wrong password", e);
      }
      throw new IllegalArgumentException("TLS keystore " + file + " cannot be read as PKCS12: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS keystore " + file + " cannot be read as PKCS12: " + e.getMessage(), e);
    }
    try {
      boolean hasKey = false;
      for (String alias : Collections.list(store.aliases())) {
        hasKey |= store.isKeyEntry(alias);
      }
      if (!hasKey) {
        throw new IllegalArgumentException("TLS keystore " + file + " holds no private key");
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException("TLS keystore " + file + ": the key's password differs from the store's", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS keystore " + file + " cannot be used: " + e.getMessage(), e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
