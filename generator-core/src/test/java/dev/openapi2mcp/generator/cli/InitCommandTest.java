package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.cli.CliTest.Run;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code init} (issue 12): one command makes a Maven project that builds a runnable server from a spec. Its
 * {@code pom.xml} parses as XML and sets the plugin configuration at plugin level, Java 17, UTF-8, the plugin and
 * runtime pinned to this command line's version, the shaded jar the generated launcher and Dockerfile expect, and as
 * main class the server class {@code generate} really emits. User values are XML-escaped; a non-empty directory is
 * refused and left as it was.
 */
class InitCommandTest {
  private static final String PACKAGE = "com.example.shop";

  @TempDir
  Path dir;

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(pom))));
  }

  /** The text of every node the path selects, in document order (the pom has no namespace prefix: local names). */
  private static List<String> texts(Document pom, String path) throws Exception {
    String xpath = path.replaceAll("(?<=/|^)([a-zA-Z][a-zA-Z0-9.]*)", "*[local-name()='$1']");
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  private static String text(Document pom, String path) throws Exception {
    List<String> texts = texts(pom, path);
    assertThat(texts).as(path).hasSize(1);
    return texts.get(0);
  }

  private static final String PLUGIN = "/project/build/plugins/plugin[*[local-name()='artifactId']"
      + "='openapi2mcp-maven-plugin']";
  private static final String SHADE = "/project/build/plugins/plugin[*[local-name()='artifactId']"
      + "='maven-shade-plugin']/executions/execution/configuration";

  @Test
  void thePomSetsJava17Utf8ThePinnedPluginAtPluginLevelAndTheJarTheLauncherExpects() throws Exception {
    Path project = dir.resolve("petstore-server");

    Run run = CliTest.run("init", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE,
        "--dir", project.toString());

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    Document pom = parse(project.resolve("pom.xml"));
    assertThat(text(pom, "/project/groupId")).isEqualTo(PACKAGE);
    assertThat(text(pom, "/project/artifactId")).isEqualTo("petstore-mcp-server");
    assertThat(text(pom, "/project/version")).isEqualTo(InitOptions.DEFAULT_VERSION);
    assertThat(text(pom, "/project/properties/maven.compiler.release")).isEqualTo("17");
    assertThat(text(pom, "/project/properties/project.build.sourceEncoding")).isEqualTo("UTF-8");
    assertThat(text(pom, "/project/properties/openapi2mcp.version")).isEqualTo(Version.current());
    assertThat(text(pom, PLUGIN + "/version")).isEqualTo("${openapi2mcp.version}");
    assertThat(text(pom, "/project/dependencies/dependency[*[local-name()='artifactId']='openapi2mcp-runtime']"
        + "/version")).isEqualTo("${openapi2mcp.version}");
    // At plugin level, where the lint goal run from the command line reads it too; none inside the execution.
    assertThat(text(pom, PLUGIN + "/configuration/inputSpec"))
        .isEqualTo("${project.basedir}/src/main/openapi/petstore.json");
    assertThat(text(pom, PLUGIN + "/configuration/packageName")).isEqualTo(PACKAGE);
    assertThat(text(pom, PLUGIN + "/configuration/serverName")).isEqualTo("petstore");
    assertThat(texts(pom, PLUGIN + "/configuration/deploymentDirectory")).isEmpty();
    assertThat(texts(pom, PLUGIN + "/executions/execution/configuration")).isEmpty();
    assertThat(texts(pom, PLUGIN + "/executions/execution/goals/goal")).containsExactly("generate");
    // Every build plugin the project uses has its version pinned.
    assertThat(texts(pom, "/project/build/pluginManagement/plugins/plugin/artifactId"))
        .containsExactlyInAnyOrderElementsOf(ProjectPom.BUILD_PLUGINS.keySet());
    assertThat(texts(pom, "/project/build/pluginManagement/plugins/plugin/version")).doesNotContain("");

    assertThat(text(pom, SHADE + "/outputFile")).isEqualTo("${project.build.directory}/petstore-mcp-server.jar");
    assertThat(texts(pom, SHADE + "/transformers/transformer/@implementation")).containsExactly(
        "org.apache.maven.plugins.shade.resource.ManifestResourceTransformer",
        "org.apache.maven.plugins.shade.resource.ServicesResourceTransformer");
    assertThat(texts(pom, SHADE + "/filters/filter/excludes/exclude")).contains("META-INF/*.SF",
        "META-INF/*.DSA", "META-INF/*.RSA");
    assertThat(Files.readAllBytes(project.resolve("src/main/openapi/petstore.json")))
        .isEqualTo(Files.readAllBytes(Specs.path("petstore.json")));
    assertThat(run.out()).contains("mvn package", "java -jar target/petstore-mcp-server.jar");
  }

  @Test
  void theMainClassIsTheServerClassGenerateEmitsAndTheJarIsTheOneTheDockerfileCopies() throws Exception {
    Path project = dir.resolve("project");
    String spec = Specs.path("petstore.json").toString();
    assertThat(CliTest.run("init", "--spec", spec, "--package", PACKAGE, "--dir", project.toString(),
        "--server-name", "my shop.v2").status()).isEqualTo(Cli.OK);
    Path sources = dir.resolve("sources");
    Path deploy = dir.resolve("deploy");
    assertThat(CliTest.run("generate", "--spec", spec, "--package", PACKAGE, "--out", sources.toString(),
        "--server-name", "my shop.v2", "--deployment-dir", deploy.toString()).status()).isEqualTo(Cli.OK);

    Document pom = parse(project.resolve("pom.xml"));
    String mainClass = text(pom, SHADE + "/transformers/transformer/mainClass");
    assertThat(sources.resolve(mainClass.replace('.', '/') + ".java")).isRegularFile();
    assertThat(Files.readString(sources.resolve(mainClass.replace('.', '/') + ".java")))
        .contains("public static void main(String[] args)");
    String jar = text(pom, SHADE + "/outputFile").replace("${project.build.directory}/", "");
    assertThat(Files.readString(deploy.resolve("Dockerfile"))).contains("ARG JAR=target/" + jar + "\n");
  }

  @Test
  void deploySetsTheDeploymentDirectoryAndPutsTheLauncherBesideTheJar() throws Exception {
    Path project = dir.resolve("project");

    Run run = CliTest.run("init", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE,
        "--dir", project.toString(), "--deploy");

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    Document pom = parse(project.resolve("pom.xml"));
    assertThat(text(pom, PLUGIN + "/configuration/deploymentDirectory"))
        .isEqualTo("${project.build.directory}/deploy");
    String antrun = "/project/build/plugins/plugin[*[local-name()='artifactId']='maven-antrun-plugin']"
        + "/executions/execution/configuration/target";
    assertThat(texts(pom, antrun + "/copy/@file"))
        .containsExactly("${project.build.directory}/deploy/bin/petstore-mcp-server");
    assertThat(texts(pom, antrun + "/chmod/@file")).containsExactly("${project.build.directory}/petstore-mcp-server");
  }

  @Test
  void valuesAreXmlEscapedAndReadBackAsGiven() throws Exception {
    Path project = dir.resolve("project");
    String serverName = "a<b>&\"c'</serverName><x/>";
    String artifactId = "x</artifactId><evil/><!--";

    Run run = CliTest.run("init", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE,
        "--dir", project.toString(), "--server-name", serverName, "--artifact-id", artifactId,
        "--group-id", "g&{{version}}", "--version", "1 & 2");

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    Document pom = parse(project.resolve("pom.xml"));
    assertThat(text(pom, PLUGIN + "/configuration/serverName")).isEqualTo(serverName);
    assertThat(text(pom, "/project/artifactId")).isEqualTo(artifactId);
    assertThat(text(pom, "/project/groupId")).isEqualTo("g&{{version}}");
    assertThat(text(pom, "/project/version")).isEqualTo("1 & 2");
    assertThat(texts(pom, "//evil")).isEmpty();
    assertThat(texts(pom, "//x")).isEmpty();
  }

  @Test
  void aMavenPropertyOrAControlCharacterInAValueIsAUsageError() {
    String spec = Specs.path("petstore.json").toString();
    Path project = dir.resolve("project");

    Run property = CliTest.run("init", "--spec", spec, "--package", PACKAGE, "--dir", project.toString(),
        "--server-name", "${user.home}");
    Run control = CliTest.run("init", "--spec", spec, "--package", PACKAGE, "--dir", project.toString(),
        "--group-id", "a\u0001b");
    Run badPackage = CliTest.run("init", "--spec", spec, "--package", "com.example.class", "--dir",
        project.toString());

    assertThat(property.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(property.err()).contains("--server-name", "'${'");
    assertThat(control.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(control.err()).contains("--group-id", "control character");
    assertThat(badPackage.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(badPackage.err()).contains("--package", "com.example.class");
    assertThat(project).doesNotExist();
  }

  @Test
  void aNonEmptyDirectoryIsRefusedAndLeftAsItWas() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("pom.xml"), "mine");

    Run run = CliTest.run("init", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE,
        "--dir", project.toString());

    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.err()).contains("init failed", project.toString(), "not an empty directory");
    assertThat(CliTest.files(project)).containsOnly(java.util.Map.entry("pom.xml", "mine"));
  }

  @Test
  void anEmptyDirectoryIsUsedAndAMissingSpecIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path other = dir.resolve("other");

    Run ok = CliTest.run("init", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE,
        "--dir", empty.toString());
    Run missing = CliTest.run("init", "--spec", dir.resolve("nope.yaml").toString(), "--package", PACKAGE,
        "--dir", other.toString());

    assertThat(ok.status()).as(ok.err()).isEqualTo(Cli.OK);
    assertThat(CliTest.files(empty)).containsOnlyKeys("pom.xml", "src/main/openapi/petstore.json");
    assertThat(missing.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(missing.err()).contains("nope.yaml", "not a readable file");
    assertThat(other).doesNotExist();
  }

  @Test
  void thePinnedBuildPluginsAreTheVersionsThisProjectBuildsWith() throws Exception {
    // Tests run in the module directory; the parent pom is at the repository root.
    Document parent = parse(Path.of("..", "pom.xml"));
    String managed = "/project/build/pluginManagement/plugins/plugin[*[local-name()='artifactId']='%s']/version";

    ProjectPom.BUILD_PLUGINS.forEach((artifactId, version) -> {
      try {
        assertThat(text(parent, managed.formatted(artifactId))).as(artifactId).isEqualTo(version);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void theUsageListsInitWithItsOptions() {
    Run run = CliTest.run("--help");

    assertThat(run.out()).contains(Usage.PROGRAM + " init --spec FILE --package PACKAGE --dir DIR [options]");
    for (Option<InitOptions> option : InitOptions.TABLE) {
      assertThat(run.out()).contains("  " + option.synopsis() + " ");
    }
  }
}
