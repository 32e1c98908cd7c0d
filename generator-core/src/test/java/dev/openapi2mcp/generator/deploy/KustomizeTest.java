package dev.openapi2mcp.generator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kustomize base and overlays of the deployment files, rendered by {@code kubectl kustomize} (offline): the
 * base is the plain Deployment and Service; {@code replicas} changes only the count; {@code secrets} generates the
 * credentials Secret from the operator's {@code credentials.env} and points the Deployment at it; {@code
 * inbound-auth} adds {@code --auth-tokens-env} after the base URLs with the tokens from a Secret; {@code
 * stateless-hpa} adds the autoscaler, which no other rendering has.
 *
 * <p>Without kubectl the test fails in CI ({@code CI=true}) and is skipped elsewhere, saying how to install it.
 */
class KustomizeTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir
  Path temp;

  private Path kustomize;
  private Path kubectl;

  @BeforeEach
  void generate() throws Exception {
    kubectl = requireKubectl();
    Path deploy = temp.resolve("deploy");
    Generator.run(Specs.config("petstore.json", temp.resolve("src"), "petstore").withDeploymentDirectory(deploy));
    kustomize = deploy.resolve("kubernetes/kustomize");
  }

  @Test
  void theBaseIsThePlainDeploymentAndService() throws Exception {
    Map<String, JsonNode> resources = render(kustomize.resolve("base"));
    assertThat(resources).containsOnlyKeys("Deployment/petstore", "Service/petstore");
    JsonNode plain = YAML.readTree(Files.readString(kustomize.resolve("../deployment.yaml")));
    assertThat(resources.get("Deployment/petstore")).isEqualTo(plain);
  }

  @Test
  void theReplicasOverlayChangesOnlyTheCount() throws Exception {
    Map<String, JsonNode> base = render(kustomize.resolve("base"));
    Map<String, JsonNode> resources = render(kustomize.resolve("overlays/replicas"));
    assertThat(resources).containsOnlyKeys("Deployment/petstore", "Service/petstore");
    JsonNode deployment = resources.get("Deployment/petstore");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.get("spec")).put("replicas", 2);
    assertThat(deployment).isEqualTo(base.get("Deployment/petstore"));
  }

  @Test
  void theSecretsOverlayGeneratesTheSecretTheDeploymentReads() throws Exception {
    Path secrets = kustomize.resolve("overlays/secrets");
    List<String> keys = new ArrayList<>();
    for (String line : Files.readAllLines(secrets.resolve("credentials.env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        assertThat(line).endsWith("=");
        keys.add(line.substring(0, line.length() - 1));
      }
    }
    assertThat(keys).isNotEmpty();
    StringBuilder env = new StringBuilder();
    keys.forEach(key -> env.append(key).append("=value-of-").append(key).append('\n'));
    Files.writeString(secrets.resolve("credentials.env"), env);
    assertThat(Files.readAllLines(secrets.resolve(".gitignore"))).contains("credentials.env");

    Map<String, JsonNode> resources = render(secrets);
    String secretName = resources.keySet().stream().filter(key -> key.startsWith("Secret/"))
        .findFirst().orElseThrow().substring("Secret/".length());
    assertThat(secretName).startsWith("petstore-credentials-");
    assertThat(resources).containsOnlyKeys("Deployment/petstore", "Service/petstore", "Secret/" + secretName);
    JsonNode data = resources.get("Secret/" + secretName).get("data");
    assertThat(data.size()).isEqualTo(keys.size());
    for (String key : keys) {
      assertThat(new String(Base64.getDecoder().decode(data.get(key).asText()), StandardCharsets.UTF_8))
          .isEqualTo("value-of-" + key);
    }
    JsonNode env0 = resources.get("Deployment/petstore").at("/spec/template/spec/containers/0/env");
    assertThat(env0.size()).isEqualTo(keys.size());
    env0.forEach(entry -> {
      assertThat(entry.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(secretName);
      assertThat(keys).contains(entry.at("/valueFrom/secretKeyRef/key").asText());
    });
  }

  @Test
  void theSecretsOverlayNeedsTheOperatorsFile() throws Exception {
    Result result = run(kustomize.resolve("overlays/secrets"));
    assertThat(result.exit()).isNotZero();
    assertThat(result.output()).contains("credentials.env");
  }

  @Test
  void theInboundAuthOverlayRequiresTokensFromASecret() throws Exception {
    Map<String, JsonNode> base = render(kustomize.resolve("base"));
    Map<String, JsonNode> resources = render(kustomize.resolve("overlays/inbound-auth"));
    assertThat(resources).containsOnlyKeys("Deployment/petstore", "Service/petstore");
    JsonNode container = resources.get("Deployment/petstore").at("/spec/template/spec/containers/0");
    List<String> args = texts(container.get("args"));
    List<String> expected = new ArrayList<>(texts(base.get("Deployment/petstore")
        .at("/spec/template/spec/containers/0/args")));
    assertThat(expected).startsWith("--base-url");
    expected.addAll(List.of("--auth-tokens-env", "MCP_TOKENS"));
    assertThat(args).isEqualTo(expected);
    JsonNode tokens = null;
    for (JsonNode entry : container.get("env")) {
      if (entry.get("name").asText().equals("MCP_TOKENS")) {
        tokens = entry;
      }
    }
    assertThat(tokens).isNotNull();
    assertThat(tokens.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("petstore-inbound-tokens");
    assertThat(tokens.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("MCP_TOKENS");
    assertThat(tokens.at("/valueFrom/secretKeyRef/optional").asBoolean()).isFalse();
    // The upstream credentials of the base are kept beside the tokens.
    assertThat(container.get("env").size())
        .isEqualTo(base.get("Deployment/petstore").at("/spec/template/spec/containers/0/env").size() + 1);
  }

  @Test
  void onlyTheStatelessHpaOverlayHasTheAutoscaler() throws Exception {
    Map<String, JsonNode> resources = render(kustomize.resolve("overlays/stateless-hpa"));
    assertThat(resources).containsOnlyKeys("Deployment/petstore", "Service/petstore",
        "HorizontalPodAutoscaler/petstore");
    JsonNode hpa = resources.get("HorizontalPodAutoscaler/petstore");
    assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("petstore");
    assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
    // The image's entry point runs the server stateless, which is what lets the autoscaler move requests.
    String dockerfile = Files.readString(kustomize.resolve("../../Dockerfile"));
    String entrypoint = dockerfile.lines().filter(line -> line.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
    assertThat(texts(YAML.readTree(entrypoint.substring("ENTRYPOINT ".length())))).contains("--stateless");
    for (String overlay : List.of("base", "overlays/replicas", "overlays/inbound-auth")) {
      assertThat(render(kustomize.resolve(overlay)).keySet()).as(overlay)
          .noneMatch(key -> key.startsWith("HorizontalPodAutoscaler/"));
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  private record Result(int exit, String output) {}

  private Result run(Path folder) throws Exception {
    Path output = Files.createTempFile(temp, "kustomize", ".out");
    Process process = new ProcessBuilder(kubectl.toString(), "kustomize", folder.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("kubectl kustomize " + folder + " did not finish in 60 s");
    }
    return new Result(process.exitValue(), Files.readString(output));
  }

  /** The rendered resources by {@code kind/name}; fails with kubectl's output when it does not render. */
  private Map<String, JsonNode> render(Path folder) throws Exception {
    Result result = run(folder);
    assertThat(result.exit()).as("kubectl kustomize %s:%n%s", folder, result.output()).isZero();
    Map<String, JsonNode> resources = new LinkedHashMap<>();
    for (JsonNode resource : YAML.readValues(YAML.createParser(result.output()), JsonNode.class).readAll()) {
      String key = resource.get("kind").asText() + "/" + resource.at("/metadata/name").asText();
      assertThat(resources.put(key, resource)).as("one " + key).isNull();
    }
    return resources;
  }

  private static Path requireKubectl() {
    Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    String message = "kubectl is not installed, and this test renders the Kustomize files with kubectl kustomize "
        + "(https://kubernetes.io/docs/tasks/tools/)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + "; in CI it must be there");
    }
    Assumptions.assumeTrue(false, message + "; skipped outside CI");
    throw new IllegalStateException("unreachable");
  }
}
