package dev.openapi2mcp.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credential sources and their precedence, and the credentials file (issue 5). */
class CredentialSourcesTest {
  private static final List<String> SCOPE = List.of("petstore", "petstore_auth");
  @TempDir Path directory;

  private Path file(String name, String text, String permissions) throws Exception {
    Path file = directory.resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void namesFollowOneMappingInEverySource() {
    assertThat(CredentialSources.environmentName(SCOPE, CredentialField.CLIENT_SECRET))
        .isEqualTo("PETSTORE_PETSTORE_AUTH_CLIENT_SECRET");
    assertThat(CredentialSources.propertyName(SCOPE, CredentialField.CLIENT_SECRET))
        .isEqualTo("openapi2mcp.petstore.petstore_auth.clientSecret");
    assertThat(CredentialSources.fileKey(SCOPE, CredentialField.CLIENT_SECRET))
        .isEqualTo("petstore_auth.clientSecret");
    assertThat(CredentialSources.environmentName(List.of("petstore", "api_key"), CredentialField.KEY))
        .isEqualTo("PETSTORE_API_KEY");
  }

  @Test
  void theEnvironmentWinsOverSystemPropertiesWhichWinOverTheFile() throws Exception {
    Path file = file("c.properties", "petstore_auth.token=from-file\npetstore_auth.clientId=file-client\n"
        + "petstore_auth.clientSecret=file-secret\n", "rw-------");
    CredentialSources sources = CredentialSources.of(
        Map.of("PETSTORE_PETSTORE_AUTH_TOKEN", "from-env"),
        Map.of("openapi2mcp.petstore.petstore_auth.token", "from-property",
            "openapi2mcp.petstore.petstore_auth.clientId", "property-client"),
        CredentialsFile.load(file));

    CredentialSources.Found token = sources.find(SCOPE, CredentialField.TOKEN).orElseThrow();
    assertThat(token.value()).isEqualTo("from-env");
    assertThat(token.source()).isEqualTo("environment variable PETSTORE_PETSTORE_AUTH_TOKEN");
    assertThat(token.toString()).doesNotContain("from-env");

    CredentialSources.Found id = sources.find(SCOPE, CredentialField.CLIENT_ID).orElseThrow();
    assertThat(id.value()).isEqualTo("property-client");
    assertThat(id.source()).isEqualTo("system property openapi2mcp.petstore.petstore_auth.clientId");

    CredentialSources.Found secret = sources.find(SCOPE, CredentialField.CLIENT_SECRET).orElseThrow();
    assertThat(secret.value()).isEqualTo("file-secret");
    assertThat(secret.source()).isEqualTo("key 'petstore_auth.clientSecret' of " + file);

    assertThat(sources.find(SCOPE, CredentialField.SCOPES)).isEmpty();
  }

  @Test
  void anEmptyValueIsUnsetUnlessEmptyIsAllowed() {
    CredentialSources sources = CredentialSources.of(Map.of("PETSTORE_BASIC_PASSWORD", ""),
        Map.of("openapi2mcp.petstore.basic.password", "from-property"), null);
    List<String> basic = List.of("petstore", "basic");
    assertThat(sources.find(basic, CredentialField.PASSWORD).orElseThrow().value()).isEqualTo("from-property");
    assertThat(sources.find(basic, CredentialField.PASSWORD, true).orElseThrow().value()).isEmpty();
  }

  @Test
  void yamlMappingsNestAndListsJoinWithSpaces() throws Exception {
    CredentialsFile file = CredentialsFile.load(file("c.yaml", """
        api_key:
          key: abc123
        petstore_auth:
          clientId: my-client
          clientSecret: "s3cret: with colon"
          scopes: [read:pets, write:pets]
        """, "rw-------"));
    assertThat(file.keys()).containsExactly("api_key.key", "petstore_auth.clientId", "petstore_auth.clientSecret",
        "petstore_auth.scopes");
    assertThat(file.get("petstore_auth.clientSecret")).isEqualTo("s3cret: with colon");
    assertThat(file.get("petstore_auth.scopes")).isEqualTo("read:pets write:pets");
    assertThat(file.warnings()).isEmpty();
  }

  @Test
  void aFileOthersCanReadIsUsedWithAWarning() throws Exception {
    Path path = file("c.properties", "api_key.key=abc123\n", "rw-r--r--");
    CredentialsFile file = CredentialsFile.load(path);
    assertThat(file.get("api_key.key")).isEqualTo("abc123");
    assertThat(file.warnings()).singleElement().asString()
        .contains(path.toString()).contains("its group").contains("every user").contains("chmod 600");

    Path groupOnly = file("g.properties", "api_key.key=abc123\n", "rw-r-----");
    assertThat(CredentialsFile.load(groupOnly).warnings()).singleElement().asString()
        .contains("its group").doesNotContain("every user");
  }

  @Test
  void badFilesAreNamedWithoutQuotingValues() throws Exception {
    Path broken = file("broken.yaml", "api_key:\n  key: [unclosed-s3cret\n", "rw-------");
    assertThatThrownBy(() -> CredentialsFile.load(broken))
        .hasMessageContaining(broken.toString()).hasMessageContaining("not valid YAML")
        .hasMessageNotContaining("s3cret");
    Path list = file("list.yaml", "- a\n- b\n", "rw-------");
    assertThatThrownBy(() -> CredentialsFile.load(list)).hasMessageContaining("mapping");
    Path unknown = file("creds.txt", "x=y", "rw-------");
    assertThatThrownBy(() -> CredentialsFile.load(unknown)).hasMessageContaining(".properties, .yaml");
    Path missing = directory.resolve("missing.yaml");
    assertThatThrownBy(() -> CredentialsFile.load(missing)).hasMessageContaining("cannot be read");
  }
}
