package dev.openapi2mcp.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The naming rules; the limit, the abbreviation and the uniqueness of long names are issue 3 ("Real-world specs",
 * item 5).
 */
class NamingStrategyTest {
  private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final NamingStrategy naming = new NamingStrategy(64);

  private static OperationKey op(String operationId) {
    return new OperationKey(operationId, "GET", "/x");
  }

  private static OperationKey op(String operationId, String method, String path) {
    return new OperationKey(operationId, method, path);
  }

  @Nested
  class ToolNames {
    @Test
    void keepsAValidOperationIdUnchanged() {
      assertThat(naming.toolNames(List.of(op("getPetById"), op("pets.list-all_v2"))))
          .containsExactly("getPetById", "pets.list-all_v2");
    }

    @Test
    void replacesDisallowedCharactersWithOneUnderscoreAndDropsThemAtTheEnds() {
      assertThat(naming.toolNames(List.of(op("pet/find by  status"), op("/pets/{id}/"), op("créerAnimal"))))
          .containsExactly("pet_find_by_status", "pets_id", "creerAnimal");
    }

    @Test
    void namesAnOperationWithoutOperationIdAfterMethodAndPath() {
      assertThat(naming.toolNames(List.of(
              op(null, "GET", "/pet/{petId}"),
              op(null, "DELETE", "/store/order/{orderId}"),
              op(null, "POST", "/"),
              op("!!!", "PUT", "/a b/c"))))
          .containsExactly("get_pet_petId", "delete_store_order_orderId", "post", "put_a_b_c");
    }

    @Test
    void numbersDuplicatesInSpecOrder() {
      assertThat(naming.toolNames(List.of(op("list"), op("list"), op("list"))))
          .containsExactly("list", "list_2", "list_3");
    }

    @Test
    void anOperationIdThatIsExactlyANumberedNameKeepsIt() {
      // "a_2" is the spec's own name for the third operation, so the duplicate "a" must not take it.
      assertThat(naming.toolNames(List.of(op("a"), op("a"), op("a_2"))))
          .containsExactly("a", "a_3", "a_2");
    }

    @Test
    void abbreviatesALongNameReadablyAndKeepsItsLastWords() {
      String longName = "listRepositoriesForTheAuthenticatedUserIncludingThoseOfOrganizationsAndCollaborators";

      // Conventional abbreviations first (Repositories, Organizations), then the longest word after a syllable.
      assertThat(naming.toolNames(List.of(op(longName))))
          .containsExactly("listReposForTheAuthUserIncludingThoseOfOrgsAndCollaborators");
    }

    @Test
    void abbreviatesOnlyAsMuchAsNeeded() {
      // Dropping "organization" to "org" is enough; "repositories" stays whole.
      String gitHub = "actions/list-selected-repositories-enabled-github-actions-organization";
      assertThat(naming.toolNames(List.of(op(gitHub))))
          .containsExactly("actions_list-selected-repositories-enabled-github-actions-org");
    }

    @Test
    void gitHubNamesThatDifferInTheirLastWordStayApartWithoutAHash() {
      assertThat(naming.toolNames(List.of(
              op("actions/list-selected-repositories-enabled-github-actions-organization", "GET", "/orgs"),
              op("actions/list-selected-repositories-enabled-github-actions-enterprise", "GET", "/enterprises"))))
          .containsExactly("actions_list-selected-repositories-enabled-github-actions-org",
              "actions_list-selected-repos-enabled-github-actions-enterprise");
    }

    @Test
    void aLongWordWithoutAConventionalAbbreviationIsCutAfterASyllable() {
      assertThat(naming.toolNames(List.of(
              op("deleteAdmissionregistrationV1alpha1CollectionValidatingAdmissionPolicyBinding"))))
          .containsExactly("deleteAdmissV1alpha1CollectionValidatingAdmissionPolicyBinding");
      assertThat(Abbreviations.afterSyllable("Collection")).isEqualTo("Coll");
      assertThat(Abbreviations.afterSyllable("Validating")).isEqualTo("Valid");
      assertThat(Abbreviations.afterSyllable("Authenticated")).isEqualTo("Auth");
      assertThat(Abbreviations.afterSyllable("Something")).isEqualTo("Someth");
      assertThat(Abbreviations.afterSyllable("Forks")).isEqualTo("Forks");
    }

    @Test
    void abbreviationsFollowTheCaseOfTheWord() {
      assertThat(naming.toolNames(List.of(op("GET_ALL_THE_CONFIGURATION_FOR_THE_ORGANIZATION_AND_ITS_REPOSITORY_NOW"))))
          .containsExactly("GET_ALL_THE_CONFIGURATION_FOR_THE_ORG_AND_ITS_REPOSITORY_NOW");
    }

    @Test
    void cutsAtAWordBoundaryWhatAbbreviationCannotShorten() {
      String longName = "getTheNameOfOneThingThatTwoOpsShareAtTheStartAndThenSomeMoreWordsForCats";
      String name = naming.toolNames(List.of(op(longName))).get(0);

      assertThat(name).hasSizeLessThanOrEqualTo(64);
      assertThat(longName).startsWith(name);
      assertThat(Character.isUpperCase(longName.charAt(name.length()))).isTrue();
    }

    @Test
    void cutsAtSeparatorsWithoutLeavingOneAtTheEnd() {
      String longName = "very_long_name_with_many_short_words_that_goes_on_and_on_and_on_and_on_until_the_end";
      String name = naming.toolNames(List.of(op(longName))).get(0);

      assertThat(name).isEqualTo("very_long_name_with_many_short_words_that_goes_on_and_on_and_on");
    }

    @Test
    void addsAStableHashOnlyWhenTheCutCollides() {
      String prefix = "getTheNameOfOneThingThatTwoOpsShareAtTheStartAndThenSomeMoreWords";
      List<OperationKey> ops = List.of(
          op(prefix + "ForCats", "GET", "/cats"),
          op(prefix + "ForDogs", "GET", "/dogs"));

      List<String> names = naming.toolNames(ops);

      assertThat(names.get(0)).doesNotContain("_").hasSizeLessThanOrEqualTo(64);
      assertThat(names.get(1)).matches(".*_[0-9a-f]{6}").hasSizeLessThanOrEqualTo(64);
      assertThat(names.get(1).substring(0, names.get(1).length() - 7)).isEqualTo(prefix.substring(0,
          names.get(1).length() - 7));
      assertThat(names).doesNotHaveDuplicates();
      // The hash depends on the operation (method and path), not on the run.
      assertThat(new NamingStrategy(64).toolNames(ops)).isEqualTo(names);
      List<OperationKey> otherPath = List.of(ops.get(0), op(prefix + "ForDogs", "GET", "/hounds"));
      assertThat(naming.toolNames(otherPath).get(1)).isNotEqualTo(names.get(1));
    }

    @Test
    void respectsAShorterLimit() {
      NamingStrategy shortNames = new NamingStrategy(12);
      List<String> names = shortNames.toolNames(List.of(op("findPetsByStatusAndTags"), op("findPetsByStatus"),
          op("x")));

      assertThat(names).allSatisfy(n -> assertThat(n).hasSizeLessThanOrEqualTo(12)).doesNotHaveDuplicates();
      assertThat(names.get(0)).isEqualTo("findPetsBy");
      assertThat(names.get(2)).isEqualTo("x");
    }

    @Test
    void refusesALimitBelowEight() {
      assertThatThrownBy(() -> new NamingStrategy(7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyInputGivesValidUniqueNames() {
      Random random = new Random(42);
      String alphabet = "aZ09_.-/ {}é日$";
      List<OperationKey> ops = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        StringBuilder id = new StringBuilder();
        int length = random.nextInt(90);
        for (int j = 0; j < length; j++) {
          id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        ops.add(op(random.nextInt(5) == 0 ? null : id.toString(), "GET", "/p/" + (i % 7)));
      }

      List<String> names = naming.toolNames(ops);

      assertThat(names).hasSize(500).doesNotHaveDuplicates();
      assertThat(names).allSatisfy(n -> assertThat(n).matches(TOOL_NAME));
      assertThat(naming.toolNames(ops)).isEqualTo(names);
    }
  }

  @Nested
  class ArgumentNames {
    @Test
    void aBodyPropertyCollidingWithAParameterGetsTheBodyPrefix() {
      assertThat(naming.argumentNames(List.of(new ArgumentKey("name", "query"), new ArgumentKey("name", "body"),
              new ArgumentKey("status", "body"))))
          .containsExactly("name", "body_name", "status");
    }

    @Test
    void parametersOfDifferentLocationsGetDistinctNames() {
      assertThat(naming.argumentNames(List.of(new ArgumentKey("id", "path"), new ArgumentKey("id", "header"),
              new ArgumentKey("id", "query"))))
          .containsExactly("id", "header_id", "query_id");
    }

    @Test
    void theWholeBodyIsCalledRequestBodyWhenAParameterIsCalledBody() {
      assertThat(naming.argumentNames(List.of(new ArgumentKey("body", "query"), new ArgumentKey("body", "request"))))
          .containsExactly("body", "request_body");
    }

    @Test
    void numbersWhenThePrefixedNameIsTakenToo() {
      assertThat(naming.argumentNames(List.of(new ArgumentKey("body_name", "query"), new ArgumentKey("name", "query"),
              new ArgumentKey("name", "body"), new ArgumentKey("name", "body"))))
          .containsExactly("body_name", "name", "body_name_2", "body_name_3");
    }

    @Test
    void sanitizesNamesThatClientsWouldRefuse() {
      assertThat(naming.argumentNames(List.of(new ArgumentKey("$filter", "query"),
              new ArgumentKey("page[size]", "query"), new ArgumentKey("X-Request-ID", "header"),
              new ArgumentKey("$$$", "query"), new ArgumentKey("a".repeat(80), "query"))))
          .containsExactly("filter", "page_size", "X-Request-ID", "arg", "a".repeat(64));
    }
  }

  @Nested
  class JavaNamesOfClassesAndMethods {
    @Test
    void classNamesComeFromTheServerName() {
      assertThat(naming.serverClassName("petstore")).isEqualTo("PetstoreServer");
      assertThat(naming.toolsClassName("petstore", 0)).isEqualTo("PetstoreTools");
      assertThat(naming.toolsClassName("petstore", 1)).isEqualTo("PetstoreTools2");
      assertThat(naming.serverClassName("my-api")).isEqualTo("MyApiServer");
      assertThat(naming.serverClassName("github api.v3")).isEqualTo("GithubApiV3Server");
    }

    @Test
    void anyServerNameGivesAValidClassName() {
      for (String serverName : List.of("", "3scale", "日本", "class", "a b", "_", "-x-", "Ünïcödé")) {
        String name = naming.serverClassName(serverName);
        assertThat(JavaNames.isIdentifier(name)).as("%s from %s", name, serverName).isTrue();
        assertThat(name).matches("[A-Z][A-Za-z0-9]*Server");
      }
      assertThat(naming.serverClassName("3scale")).isEqualTo("Mcp3scaleServer");
      assertThat(naming.serverClassName("日本")).isEqualTo("McpServer");
    }

    @Test
    void methodNamesAreLowerCamelCase() {
      assertThat(naming.methodNames(List.of("getPetById", "get_pet_petId", "GetPets", "pets.list-all",
              "HTTPGet")))
          .containsExactly("getPetById", "getPetPetId", "getPets", "petsListAll", "httpGet");
    }

    @Test
    void methodNamesAvoidKeywordsObjectMethodsAndAll() {
      assertThat(naming.methodNames(List.of("class", "toString", "all", "hashCode", "var", "2fa", "_")))
          .containsExactly("classTool", "toStringTool", "allTool", "hashCodeTool", "varTool", "tool2fa", "tool");
    }

    @Test
    void methodNamesAreUnique() {
      assertThat(naming.methodNames(List.of("get_pet", "getPet", "get-pet")))
          .containsExactly("getPet", "getPet2", "getPet3");
    }

    @Test
    void anyToolNameGivesAValidUniqueMethodName() {
      Random random = new Random(7);
      String alphabet = "aZ09_.-";
      List<String> toolNames = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(10);
        for (int j = 0; j < length; j++) {
          name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        toolNames.add(name.toString());
      }
      List<String> methods = naming.methodNames(toolNames);
      assertThat(new HashSet<>(methods)).hasSize(300);
      assertThat(methods).allSatisfy(m -> assertThat(JavaNames.isIdentifier(m)).as(m).isTrue());
    }

    @Test
    void packageNames() {
      assertThat(JavaNames.isPackageName("com.example.petstore")).isTrue();
      assertThat(JavaNames.isPackageName("petstore")).isTrue();
      assertThat(JavaNames.isPackageName("")).isFalse();
      assertThat(JavaNames.isPackageName("com..x")).isFalse();
      assertThat(JavaNames.isPackageName("com.class.x")).isFalse();
      assertThat(JavaNames.isPackageName("com.1x")).isFalse();
      assertThat(JavaNames.isPackageName("com.x.")).isFalse();
    }
  }
}
