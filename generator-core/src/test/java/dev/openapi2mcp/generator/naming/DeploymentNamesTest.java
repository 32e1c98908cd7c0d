package dev.openapi2mcp.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import org.junit.jupiter.api.Test;

/** Issue 5: names in deployment files. */
class DeploymentNamesTest {

  @Test
  void resourceNamesAreDnsLabels() {
    assertThat(DeploymentNames.resourceName("petstore")).isEqualTo("petstore");
    assertThat(DeploymentNames.resourceName("PetStore_v2")).isEqualTo("pet-store-v2");
    assertThat(DeploymentNames.resourceName("my api.v2")).isEqualTo("my-api-v2");
    assertThat(DeploymentNames.resourceName("2fa")).isEqualTo("mcp-2fa");
    assertThat(DeploymentNames.resourceName("äöü")).isEqualTo("mcp-server");
    String longName = DeploymentNames.resourceName("a".repeat(62) + "-bc");
    assertThat(longName).hasSizeLessThanOrEqualTo(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
    assertThat(longName).isEqualTo("a".repeat(62));
  }

  @Test
  void versionTagsAreValidImageTagsAndLabelValues() {
    assertThat(DeploymentNames.versionTag("1.0.0")).isEqualTo("1.0.0");
    assertThat(DeploymentNames.versionTag("v1 (beta)")).isEqualTo("v1--beta");
    assertThat(DeploymentNames.versionTag("2022-11-28")).isEqualTo("2022-11-28");
    assertThat(DeploymentNames.versionTag("")).isEqualTo("latest");
    assertThat(DeploymentNames.versionTag("-.-")).isEqualTo("latest");
    assertThat(DeploymentNames.versionTag("9".repeat(100))).hasSize(63);
  }

  @Test
  void credentialVariablesFollowTheSchemeKind() {
    assertThat(DeploymentNames.credentialVariables("petstore",
        new SecuritySchemeModel("petstore_auth", SecuritySchemeModel.Kind.OAUTH2, null, null)))
        .containsExactly("PETSTORE_PETSTORE_AUTH_TOKEN");
    assertThat(DeploymentNames.credentialVariables("myShop",
        new SecuritySchemeModel("basic-auth", SecuritySchemeModel.Kind.HTTP_BASIC, null, null)))
        .containsExactly("MY_SHOP_BASIC_AUTH_USERNAME", "MY_SHOP_BASIC_AUTH_PASSWORD");
  }
}
