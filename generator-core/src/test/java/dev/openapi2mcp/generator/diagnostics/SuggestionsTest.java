package dev.openapi2mcp.generator.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" for unknown names in filters, overrides files and extensions (issue 4, item 4). */
class SuggestionsTest {
  private static final List<String> OPERATIONS = List.of("getPetById", "findPetsByStatus", "addPet", "deletePet");

  @Test
  void distanceCountsEditsAndAdjacentSwapsIgnoringCase() {
    assertThat(Suggestions.distance("getPetByID", "getPetById")).isZero();
    assertThat(Suggestions.distance("tgas", "tags")).isEqualTo(1);
    assertThat(Suggestions.distance("descripton", "description")).isEqualTo(1);
    assertThat(Suggestions.distance("nmae", "name")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void theThresholdIsAThirdOfTheLengthBetweenOneAndThree() {
    assertThat(Suggestions.threshold("id")).isEqualTo(1);
    assertThat(Suggestions.threshold("getPet")).isEqualTo(2);
    assertThat(Suggestions.threshold("findPetsByStatusAndTags")).isEqualTo(3);
  }

  @Test
  void suggestsTheNearestCloseEnoughName() {
    assertThat(Suggestions.nearest("getPetByID", OPERATIONS)).contains("getPetById");
    assertThat(Suggestions.nearest("findPetByStatus", OPERATIONS)).contains("findPetsByStatus");
    assertThat(Suggestions.didYouMean("adPet", OPERATIONS)).isEqualTo(": did you mean addPet?");
    assertThat(Suggestions.question("adPet", OPERATIONS)).isEqualTo("did you mean addPet?");
  }

  @Test
  void suggestsNothingForADifferentName() {
    assertThat(Suggestions.nearest("listOrders", OPERATIONS)).isEmpty();
    assertThat(Suggestions.didYouMean("id", List.of("name"))).isEmpty();
    assertThat(Suggestions.question("listOrders", OPERATIONS)).isNull();
  }

  @Test
  void tiesGoToTheAlphabeticallyFirstWhateverTheOrderGiven() {
    assertThat(Suggestions.nearest("pat", List.of("put", "pet"))).contains("pet");
    assertThat(Suggestions.nearest("pat", List.of("pet", "put"))).contains("pet");
  }
}
