package dev.openapi2mcp.generator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pom.xml} of a new project: the plugin configured at plugin level (so {@code generate} in the build and
 * {@code mvn openapi2mcp:lint} on the command line read the same settings), Java 17, UTF-8, the plugin and runtime
 * pinned to the version of this command line, and the shade plugin making {@link ProjectSettings#jarName()} with the
 * generated server as main class.
 *
 * <p>Every value is XML-escaped where it is put: names and versions come from the user and the spec's file name, and
 * none of them may add or break XML structure. Placeholders are replaced in one pass, so a value that looks like a
 * placeholder stays text.
 */
final class ProjectPom {

  /**
   * Versions of the build plugins the project uses, pinned so that its build is the same on every Maven 3.9 and
   * needs nothing a build of openapi2mcp itself did not already resolve.
   */
  static final Map<String, String> BUILD_PLUGINS = Map.of(
      "maven-clean-plugin", "3.4.1",
      "maven-resources-plugin", "3.3.1",
      "maven-compiler-plugin", "3.14.1",
      "maven-surefire-plugin", "3.5.4",
      "maven-jar-plugin", "3.4.2",
      "maven-install-plugin", "3.1.4",
      "maven-deploy-plugin", "3.1.4",
      "maven-shade-plugin", "3.6.2",
      "maven-antrun-plugin", "3.1.0");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)}}");

  private static final String TEMPLATE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
        <modelVersion>4.0.0</modelVersion>
        <groupId>{{groupId}}</groupId>
        <artifactId>{{artifactId}}</artifactId>
        <version>{{version}}</version>
        <name>{{serverName}} MCP server</name>

        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          <project.reporting.outputEncoding>UTF-8</project.reporting.outputEncoding>
          <openapi2mcp.version>{{openapi2mcpVersion}}</openapi2mcp.version>
        </properties>

        <dependencies>
          <dependency>
            <groupId>dev.openapi2mcp</groupId>
            <artifactId>openapi2mcp-runtime</artifactId>
            <version>${openapi2mcp.version}</version>
          </dependency>
        </dependencies>

        <build>
          <pluginManagement>
            <plugins>
      {{pluginManagement}}
            </plugins>
          </pluginManagement>
          <plugins>
            <plugin>
              <groupId>dev.openapi2mcp</groupId>
              <artifactId>openapi2mcp-maven-plugin</artifactId>
              <version>${openapi2mcp.version}</version>
              <!-- At plugin level, so that mvn openapi2mcp:lint reads it too. -->
              <configuration>
                <inputSpec>${project.basedir}/src/main/openapi/{{specFileName}}</inputSpec>
                <packageName>{{packageName}}</packageName>
                <serverName>{{serverName}}</serverName>
      {{deploymentDirectory}}
              </configuration>
              <executions>
                <execution>
                  <goals>
                    <goal>generate</goal>
                  </goals>
                </execution>
              </executions>
            </plugin>
            <plugin>
              <!-- One runnable jar: the name the generated launcher and Dockerfile expect. -->
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-shade-plugin</artifactId>
              <executions>
                <execution>
                  <phase>package</phase>
                  <goals>
                    <goal>shade</goal>
                  </goals>
                  <configuration>
                    <outputFile>${project.build.directory}/{{jarName}}</outputFile>
                    <createDependencyReducedPom>false</createDependencyReducedPom>
                    <transformers>
                      <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                        <mainClass>{{mainClass}}</mainClass>
                      </transformer>
                      <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                    </transformers>
                    <filters>
                      <filter>
                        <artifact>*:*</artifact>
                        <excludes>
                          <exclude>META-INF/*.SF</exclude>
                          <exclude>META-INF/*.DSA</exclude>
                          <exclude>META-INF/*.RSA</exclude>
                          <exclude>META-INF/MANIFEST.MF</exclude>
                          <exclude>module-info.class</exclude>
                          <exclude>META-INF/versions/*/module-info.class</exclude>
                        </excludes>
                      </filter>
                    </filters>
                  </configuration>
                </execution>
              </executions>
            </plugin>
      {{launcher}}
          </plugins>
        </build>
      </project>
      """;

  private static final String DEPLOYMENT_DIRECTORY =
      "          <deploymentDirectory>${project.build.directory}/deploy</deploymentDirectory>";

  /** Puts the generated launcher beside the jar it starts; after shade, which is declared first in the phase. */
  private static final String LAUNCHER = """
            <plugin>
              <!-- The launcher beside the jar: target/{{launcherName}} starts it with a class-data sharing archive. -->
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-antrun-plugin</artifactId>
              <executions>
                <execution>
                  <id>launcher</id>
                  <phase>package</phase>
                  <goals>
                    <goal>run</goal>
                  </goals>
                  <configuration>
                    <target>
                      <copy file="${project.build.directory}/deploy/bin/{{launcherName}}"
                            todir="${project.build.directory}" overwrite="true"/>
                      <chmod file="${project.build.directory}/{{launcherName}}" perm="755"/>
                    </target>
                  </configuration>
                </execution>
              </executions>
            </plugin>""";

  private ProjectPom() {}

  /** The pom of a project with these settings. */
  static String render(ProjectSettings settings) {
    String launcherName = settings.jarName().substring(0, settings.jarName().length() - ".jar".length());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("groupId", xml(settings.groupId()));
    values.put("artifactId", xml(settings.artifactId()));
    values.put("version", xml(settings.version()));
    values.put("openapi2mcpVersion", xml(settings.openapi2mcpVersion()));
    values.put("specFileName", xml(settings.specFileName()));
    values.put("packageName", xml(settings.packageName()));
    values.put("serverName", xml(settings.serverName()));
    values.put("jarName", xml(settings.jarName()));
    values.put("mainClass", xml(settings.mainClass()));
    values.put("deploymentDirectory", settings.deploy() ? DEPLOYMENT_DIRECTORY : "");
    values.put("launcher", settings.deploy() ? fill(LAUNCHER, Map.of("launcherName", xml(launcherName))) : "");
    values.put("pluginManagement", pluginManagement());
    return fill(TEMPLATE, values).replaceAll("(?m)^[ \\t]*\\n", "");
  }

  private static String pluginManagement() {
    StringBuilder plugins = new StringBuilder();
    BUILD_PLUGINS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(plugin -> plugins
        .append(plugins.length() == 0 ? "" : "\n")
        .append("        <plugin>\n")
        .append("          <groupId>org.apache.maven.plugins</groupId>\n")
        .append("          <artifactId>").append(plugin.getKey()).append("</artifactId>\n")
        .append("          <version>").append(plugin.getValue()).append("</version>\n")
        .append("        </plugin>"));
    return plugins.toString();
  }

  /** Replaces each placeholder once, in one pass; the values are inserted as they are. */
  private static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for placeholder " + matcher.group());
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Text as XML element content or attribute value; a character XML 1.0 cannot hold is refused. */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            throw new IllegalArgumentException("a character XML cannot hold: U+" + Integer.toHexString(c));
          }
          out.appendCodePoint(c);
        }
      }
    });
    return out.toString();
  }
}
