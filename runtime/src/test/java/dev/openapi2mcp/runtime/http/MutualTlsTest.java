package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.credentials.UpstreamTls;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS toward the API (issue 5): an HTTPS MockWebServer whose certificate comes from a private CA and which
 * requires a client certificate from that CA.
 */
class MutualTlsTest {
  private static final ToolDefinition TOOL = ToolDefinition.builder("listPets").http("GET", "/pets").build();
  private static final ServerDefinition SERVER = ServerDefinition.builder("petstore").tool(TOOL).build();

  private final HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0)
      .commonName("test root").build();
  private final HeldCertificate serverCertificate = new HeldCertificate.Builder().commonName("localhost")
      .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").signedBy(root).build();
  private final HeldCertificate clientCertificate = new HeldCertificate.Builder().commonName("mcp-server")
      .signedBy(root).build();
  private final MockWebServer api = new MockWebServer();
  @TempDir Path directory;

  @BeforeEach
  void start() throws Exception {
    HandshakeCertificates serverSide = new HandshakeCertificates.Builder()
        .heldCertificate(serverCertificate, root.certificate())
        .addTrustedCertificate(root.certificate())
        .build();
    api.useHttps(serverSide.sslSocketFactory());
    api.requireClientAuth();
    api.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ToolResult call(UpstreamTls tls) {
    api.enqueue(new MockResponse.Builder().code(200).body("[]").build());
    try (RestToolExecutor executor = RestToolExecutor.create(SERVER, api.url("/v1").toString(),
        ExecutorOptions.defaults().withAuditSink(line -> { }),
        UpstreamOptions.environment(Map.of()).withTls(tls))) {
      return executor.execute(TOOL, Harness.args("{}"), Harness.CONTEXT);
    }
  }

  private Path write(String name, String text) throws Exception {
    Path file = directory.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void withThePemClientCertificateTheCallSucceeds() throws Exception {
    Path client = write("client.pem", clientCertificate.certificatePem() + clientCertificate.privateKeyPkcs8Pem());
    Path ca = write("ca.pem", root.certificatePem());
    ToolResult result = call(UpstreamTls.load(client, null, null, ca, null));
    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    assertThat(api.getRequestCount()).isEqualTo(1);
    assertThat(api.takeRequest().getHandshake().peerPrincipal().getName()).contains("CN=mcp-server");
  }

  @Test
  void theKeyMayBeInAFileOfItsOwn() throws Exception {
    Path certificate = write("client.crt", clientCertificate.certificatePem());
    Path key = write("client.key", clientCertificate.privateKeyPkcs8Pem());
    Path ca = write("ca.pem", root.certificatePem());
    ToolResult result = call(UpstreamTls.load(certificate, key, null, ca, null));
    assertThat(result.isError()).as(Harness.text(result)).isFalse();
  }

  @Test
  void withAPkcs12ClientKeystoreTheCallSucceeds() throws Exception {
    char[] password = "keystore-pass".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("client", clientCertificate.keyPair().getPrivate(), password,
        new Certificate[] {clientCertificate.certificate(), root.certificate()});
    Path p12 = directory.resolve("client.p12");
    try (OutputStream out = Files.newOutputStream(p12)) {
      store.store(out, password);
    }
    Path ca = write("ca.pem", root.certificatePem());
    ToolResult result = call(UpstreamTls.load(p12, null, password, ca, null));
    assertThat(result.isError()).as(Harness.text(result)).isFalse();
  }

  @Test
  void withoutAClientCertificateTheCallFailsWithAClearError() throws Exception {
    Path ca = write("ca.pem", root.certificatePem());
    ToolResult result = call(UpstreamTls.load(null, null, null, ca, null));
    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("Network error calling GET /v1/pets").contains("No response");
  }

  @Test
  void withoutTheCaTheServerIsNotTrusted() throws Exception {
    Path client = write("client.pem", clientCertificate.certificatePem() + clientCertificate.privateKeyPkcs8Pem());
    ToolResult result = call(UpstreamTls.load(client, null, null, null, null));
    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("TLS connection failed");
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void unusableFilesAreNamed() throws Exception {
    Path certificateOnly = write("cert-only.pem", clientCertificate.certificatePem());
    assertThatThrownBy(() -> UpstreamTls.load(certificateOnly, null, null, null, null))
        .hasMessageContaining(certificateOnly.toString()).hasMessageContaining("PRIVATE KEY");
    HeldCertificate rsa = new HeldCertificate.Builder().rsa2048().commonName("rsa").signedBy(root).build();
    Path pkcs1 = write("pkcs1.pem", rsa.certificatePem() + rsa.privateKeyPkcs1Pem());
    assertThatThrownBy(() -> UpstreamTls.load(pkcs1, null, null, null, null))
        .hasMessageContaining("RSA PRIVATE KEY").hasMessageContaining("PKCS#8");
    Path garbage = write("garbage.p12", "not a keystore");
    assertThatThrownBy(() -> UpstreamTls.load(garbage, null, "pw".toCharArray(), null, null))
        .hasMessageContaining(garbage.toString()).hasMessageContaining("PKCS12");
    Path noCertificates = write("empty-ca.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> UpstreamTls.load(null, null, null, noCertificates, null))
        .hasMessageContaining(noCertificates.toString()).hasMessageContaining("no certificate");
  }
}
