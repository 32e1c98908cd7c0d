package dev.openapi2mcp.generator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.openapi2mcp.generator.ApiSource;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.model.ParameterIn;
import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import dev.openapi2mcp.generator.output.GeneratedFile;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.generator.tool.ServerModel;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.tool.ApiDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5: the Dockerfile and Kubernetes manifests rendered for every generated server. */
class DeploymentFilesTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir
  Path temp;

  private Path generatePetstore() throws Exception {
    Path deploy = temp.resolve("deploy");
    Generator.run(Specs.config("petstore.json", temp.resolve("src"), "petstore").withDeploymentDirectory(deploy));
    return deploy;
  }

  private static JsonNode yaml(Path file) throws Exception {
    return YAML.readTree(Files.readString(file));
  }

  private static JsonNode container(JsonNode deployment) {
    JsonNode containers = deployment.at("/spec/template/spec/containers");
    assertThat(containers.size()).isEqualTo(1);
    return containers.get(0);
  }

  @Test
  void petstoreGetsADeploymentOfTwoProbedNonRootReplicasWithCredentialsFromASecret() throws Exception {
    Path deploy = generatePetstore();
    try (Stream<Path> files = Files.walk(deploy)) {
      assertThat(files.filter(Files::isRegularFile).map(deploy::relativize).map(Path::toString).sorted())
          .containsExactly("Dockerfile", "bin/petstore-mcp-server", "kubernetes/deployment.yaml", "kubernetes/hpa.yaml",
              "kubernetes/kustomize/base/deployment.yaml", "kubernetes/kustomize/base/kustomization.yaml",
              "kubernetes/kustomize/base/service.yaml",
              "kubernetes/kustomize/overlays/inbound-auth/inbound-auth.yaml",
              "kubernetes/kustomize/overlays/inbound-auth/kustomization.yaml",
              "kubernetes/kustomize/overlays/replicas/kustomization.yaml",
              "kubernetes/kustomize/overlays/secrets/.gitignore",
              "kubernetes/kustomize/overlays/secrets/credentials.env.example",
              "kubernetes/kustomize/overlays/secrets/kustomization.yaml",
              "kubernetes/kustomize/overlays/stateless-hpa/hpa.yaml",
              "kubernetes/kustomize/overlays/stateless-hpa/kustomization.yaml",
              "kubernetes/service.yaml", "server.json");
    }
    JsonNode deployment = yaml(deploy.resolve("kubernetes/deployment.yaml"));
    assertThat(deployment.get("apiVersion").asText()).isEqualTo("apps/v1");
    assertThat(deployment.get("kind").asText()).isEqualTo("Deployment");
    assertThat(deployment.at("/metadata/name").asText()).isEqualTo("petstore");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    JsonNode selector = deployment.at("/spec/selector/matchLabels");
    JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
    selector.properties().forEach(label ->
        assertThat(podLabels.get(label.getKey())).as("pod label " + label.getKey()).isEqualTo(label.getValue()));

    JsonNode container = container(deployment);
    assertThat(container.get("image").asText()).isEqualTo("petstore-mcp-server:1.0.0");
    assertThat(container.get("ports")).hasSize(1);
    assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/resources/requests/cpu").isMissingNode()).as("the HPA measures against it").isFalse();
    assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsUser").asInt()).isPositive();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").isBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.get("args")).containsExactly(
        YAML.getNodeFactory().textNode("--base-url"), YAML.getNodeFactory().textNode("http://petstore.swagger.io/v2"));

    Map<String, JsonNode> env = new LinkedHashMap<>();
    container.get("env").forEach(entry -> env.put(entry.get("name").asText(), entry.at("/valueFrom/secretKeyRef")));
    assertThat(env.keySet()).containsExactly("PETSTORE_API_KEY", "PETSTORE_PETSTORE_AUTH_TOKEN");
    env.forEach((name, ref) -> {
      assertThat(ref.get("name").asText()).isEqualTo("petstore-credentials");
      assertThat(ref.get("key").asText()).isEqualTo(name);
      assertThat(ref.get("optional").asBoolean()).isTrue();
    });
  }

  /**
   * Issue 11: the manifest's hint for creating the credentials Secret never puts a secret on a command line (where
   * {@code ps} and the shell history show it): it names the keys and reads their values from a file.
   */
  @Test
  void theSecretHintReadsTheValuesFromAFileNeverFromTheCommandLine() throws Exception {
    Path deploy = generatePetstore();
    List<String> comments = Files.readAllLines(deploy.resolve("kubernetes/deployment.yaml")).stream()
        .takeWhile(line -> line.startsWith("#")).toList();

    assertThat(comments).contains("#   kubectl create secret generic petstore-credentials --from-env-file=FILE");
    assertThat(comments).anySatisfy(line -> assertThat(line).contains("PETSTORE_API_KEY")
        .contains("PETSTORE_PETSTORE_AUTH_TOKEN"));
    assertThat(String.join("\n", comments)).contains("chmod 600").doesNotContain("--from-literal", "=...");
  }

  @Test
  void theServiceAndTheAutoscalerPointAtTheDeployment() throws Exception {
    Path deploy = generatePetstore();
    JsonNode deployment = yaml(deploy.resolve("kubernetes/deployment.yaml"));
    JsonNode service = yaml(deploy.resolve("kubernetes/service.yaml"));
    assertThat(service.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(service.get("kind").asText()).isEqualTo("Service");
    assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(container(deployment).at("/ports/0/name")
        .asText());
    assertThat(service.at("/spec/sessionAffinity").isMissingNode()).as("stateless replicas").isTrue();

    JsonNode hpa = yaml(deploy.resolve("kubernetes/hpa.yaml"));
    assertThat(hpa.get("apiVersion").asText()).isEqualTo("autoscaling/v2");
    assertThat(hpa.get("kind").asText()).isEqualTo("HorizontalPodAutoscaler");
    assertThat(hpa.at("/spec/scaleTargetRef/apiVersion").asText()).isEqualTo(deployment.get("apiVersion").asText());
    assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
    assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(deployment.at("/spec/replicas").asInt());
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThan(hpa.at("/spec/minReplicas").asInt());
    JsonNode metric = hpa.at("/spec/metrics/0");
    assertThat(metric.get("type").asText()).isEqualTo("Resource");
    assertThat(metric.at("/resource/name").asText()).isEqualTo("cpu");
    assertThat(metric.at("/resource/target/type").asText()).isEqualTo("Utilization");
    assertThat(metric.at("/resource/target/averageUtilization").asInt()).isBetween(1, 100);
  }

  @Test
  void theDockerfileRunsTheShadedJarStatelessOverHttpAsANonRootUser() throws Exception {
    Map<String, List<String>> instructions = dockerInstructions(generatePetstore().resolve("Dockerfile"));
    assertThat(instructions.get("FROM")).containsExactly("eclipse-temurin:17-jre");
    assertThat(instructions.get("ARG")).containsExactly("JAR=target/petstore-mcp-server.jar");
    assertThat(instructions.get("COPY")).containsExactly("${JAR} /app/server.jar");
    assertThat(instructions.get("USER")).hasSize(1);
    assertThat(instructions.get("USER").get(0)).matches("[1-9][0-9]*:[1-9][0-9]*");
    assertThat(instructions.get("EXPOSE")).containsExactly("8080");
    List<String> entrypoint = new ArrayList<>();
    new ObjectMapper().readTree(instructions.get("ENTRYPOINT").get(0)).forEach(n -> entrypoint.add(n.asText()));
    assertThat(entrypoint).startsWith("java").containsSubsequence("-jar", "/app/server.jar")
        .containsSubsequence("--transport", "http").containsSubsequence("--host", "0.0.0.0")
        .containsSubsequence("--port", "8080").contains("--stateless");
  }

  /** Instruction → arguments, one entry per occurrence; comments and blank lines skipped. */
  private static Map<String, List<String>> dockerInstructions(Path dockerfile) throws Exception {
    Map<String, List<String>> instructions = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dockerfile)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" ", 2);
      instructions.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
    }
    return instructions;
  }

  @Test
  void outputIsDeterministicAndUnchangedFilesAreNotRewritten() throws Exception {
    Path deploy = generatePetstore();
    Path file = deploy.resolve("kubernetes/deployment.yaml");
    byte[] first = Files.readAllBytes(file);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, old);
    generatePetstore();
    assertThat(Files.readAllBytes(file)).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
  }

  @Test
  void withoutADeploymentDirectoryNothingIsWrittenBesideTheSources() throws Exception {
    Generator.run(Specs.config("petstore.json", temp.resolve("src"), "petstore"));
    try (Stream<Path> entries = Files.list(temp)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("src");
    }
  }

  @Test
  void credentialVariablesAreTheOnesTheRuntimeReads() throws Exception {
    Path deploy = temp.resolve("deploy");
    GeneratorConfig config = Specs.config("security.yaml", temp.resolve("src"), "secure-shop.v2")
        .withDeploymentDirectory(deploy);
    GeneratedServer server = GeneratedServer.of(config);
    List<String> runtimeNames = runtimeVariables(server);
    assertThat(runtimeNames).hasSizeGreaterThanOrEqualTo(5);

    JsonNode deployment = yaml(deploy.resolve("kubernetes/deployment.yaml"));
    List<String> deployed = new ArrayList<>();
    container(deployment).get("env").forEach(entry -> deployed.add(entry.get("name").asText()));
    assertThat(deployed).isEqualTo(runtimeNames);
    assertThat(deployment.at("/metadata/name").asText()).isEqualTo("secure-shop-v2");
  }

  /**
   * Merge of issues 4 and 5: a service catalog's Deployment sets each API's base URL with {@code --base-url NS=URL}
   * and carries the credential variables the runtime reads for each API, not those of a one-API server.
   */
  @Test
  void aCatalogGetsTheBaseUrlAndCredentialVariablesOfEachApi() throws Exception {
    Path deploy = temp.resolve("catalog-deploy");
    GeneratorConfig config = Specs.config("catalog/inventory.yaml", temp.resolve("catalog-src"), "catalog")
        .withApis(List.of(
            ApiSource.of(Specs.path("catalog/inventory.yaml").toString()).withNamespace("inventory"),
            ApiSource.of(Specs.path("catalog/orders.yaml").toString()).withNamespace("orders")))
        .withDeploymentDirectory(deploy);
    GeneratedServer server = GeneratedServer.of(config);
    List<String> runtimeNames = runtimeVariables(server);
    assertThat(runtimeNames).isNotEmpty().allMatch(name -> name.startsWith("CATALOG_INVENTORY_")
        || name.startsWith("CATALOG_ORDERS_"));

    JsonNode container = container(yaml(deploy.resolve("kubernetes/deployment.yaml")));
    List<String> deployed = new ArrayList<>();
    container.get("env").forEach(entry -> deployed.add(entry.get("name").asText()));
    assertThat(deployed).isEqualTo(runtimeNames);

    List<String> expectedArgs = new ArrayList<>();
    for (ApiDefinition api : server.definition().apis()) {
      expectedArgs.add("--base-url");
      expectedArgs.add(api.name() + "=" + api.baseUrl());
    }
    List<String> args = new ArrayList<>();
    container.get("args").forEach(arg -> args.add(arg.asText()));
    assertThat(args).hasSize(4).isEqualTo(expectedArgs);

    // The registry entry offers the same variables for the image.
    List<String> offered = new ArrayList<>();
    new ObjectMapper().readTree(Files.readString(deploy.resolve("server.json")))
        .at("/packages/0/environmentVariables").forEach(entry -> offered.add(entry.get("name").asText()));
    assertThat(offered).isEqualTo(runtimeNames);
  }

  @Test
  void specTextCannotChangeTheYamlStructure() throws Exception {
    String baseUrl = "https://api.example.com/v1?q=\"x\"\n  kind: Secret # not a comment";
    ServerModel server = new ServerModel("evil", "a.b", "1.0\nkind: Secret", "Title\nkind: Secret\n---",
        baseUrl, List.of(new SecuritySchemeModel("k", SecuritySchemeModel.Kind.API_KEY, ParameterIn.HEADER, "X")),
        List.of());
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (GeneratedFile file : DeploymentFiles.render(server)) {
      if (file.relativePath().toString().endsWith(".yaml")) {
        List<JsonNode> parsed = YAML.readValues(YAML.createParser(new String(file.content(),
            StandardCharsets.UTF_8)), JsonNode.class).readAll();
        assertThat(parsed).as(file.relativePath() + " holds one document").hasSize(1);
        documents.put(file.relativePath().getFileName().toString(), parsed.get(0));
      }
    }
    JsonNode deployment = documents.get("deployment.yaml");
    assertThat(deployment.get("kind").asText()).isEqualTo("Deployment");
    assertThat(container(deployment).at("/args/1").asText()).isEqualTo(baseUrl);
    assertThat(deployment.at("/metadata/labels/app.kubernetes.io~1version").asText()).isEqualTo("1.0-kind--Secret");
    assertThat(documents.get("service.yaml").get("kind").asText()).isEqualTo("Service");
    assertThat(documents.get("hpa.yaml").get("kind").asText()).isEqualTo("HorizontalPodAutoscaler");
  }

  @Test
  void aServerWithoutSchemesOrBaseUrlGetsNoEnvAndNoArgs() throws Exception {
    ServerModel server = new ServerModel("Plain API", "a.b", "2", null, null, List.of(), List.of());
    GeneratedFile deploymentFile = DeploymentFiles.render(server).stream()
        .filter(f -> f.relativePath().endsWith("deployment.yaml")).findFirst().orElseThrow();
    String text = new String(deploymentFile.content(), StandardCharsets.UTF_8);
    JsonNode deployment = YAML.readTree(text);
    assertThat(deployment.at("/metadata/name").asText()).isEqualTo("plain-api");
    assertThat(container(deployment).has("env")).isFalse();
    assertThat(container(deployment).has("args")).isFalse();
    assertThat(container(deployment).at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(text).doesNotContain("kubectl create secret");
  }

  @Test
  void withoutBaseUrlsTheInboundAuthOverlayPassesOnlyTheTokenArguments() throws Exception {
    ServerModel server = new ServerModel("Plain API", "a.b", "2", null, null, List.of(), List.of());
    GeneratedFile patch = DeploymentFiles.render(server).stream()
        .filter(f -> f.relativePath().endsWith("inbound-auth.yaml")).findFirst().orElseThrow();
    JsonNode container = container(YAML.readTree(new String(patch.content(), StandardCharsets.UTF_8)));
    List<String> args = new ArrayList<>();
    container.get("args").forEach(arg -> args.add(arg.asText()));
    assertThat(args).containsExactly("--auth-tokens-env", "MCP_TOKENS");
  }

  /**
   * Issue 5: a client-credentials scheme's Deployment lets the Secret carry a token or the client id and secret, the
   * variables the runtime reads for it.
   */
  @Test
  void aClientCredentialsSchemeGetsItsClientIdAndSecretVariables() throws Exception {
    Path deploy = temp.resolve("oauth-deploy");
    GeneratorConfig config = Specs.config("oauth-client-credentials.yaml", temp.resolve("oauth-src"), "billing")
        .withDeploymentDirectory(deploy);
    GeneratedServer server = GeneratedServer.of(config);
    List<String> runtimeNames = runtimeVariables(server);
    assertThat(runtimeNames).anyMatch(name -> name.endsWith("_CLIENT_SECRET"));

    List<String> deployed = new ArrayList<>();
    container(yaml(deploy.resolve("kubernetes/deployment.yaml"))).get("env")
        .forEach(entry -> deployed.add(entry.get("name").asText()));
    assertThat(deployed).isEqualTo(runtimeNames);
  }

  /** The variable names of the runtime's {@code --help} lines, in order; a line may name two ("A, B: …"). */
  private static List<String> runtimeVariables(GeneratedServer server) {
    return RestToolExecutor.describeCredentials(server.definition()).stream()
        .map(line -> line.substring(0, line.indexOf(':')))
        .flatMap(names -> java.util.Arrays.stream(names.split(", ")))
        .toList();
  }
}
