package dev.openapi2mcp.generator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How lint's report prints (issue 4, item 5): the tables pinned on a small report, and lines kept short. */
class LintReportTableTest {

  private static LintReport report(Integer budget) {
    List<Finding> findings = List.of(
        new Finding(Check.VAGUE_DESCRIPTION, "addPet", "1 word, fewer than 3"),
        new Finding(Check.MISSING_ARGUMENT_DESCRIPTION, "addPet", "name"),
        new Finding(Check.MISSING_ARGUMENT_DESCRIPTION, "getPet", "petId"),
        new Finding(Check.MISSING_ARGUMENT_DESCRIPTION, "findPets", "tags | status"),
        new Finding(Check.MISSING_ARGUMENT_DESCRIPTION, "deletePet", "petId"));
    List<ToolSize> sizes = List.of(new ToolSize("addPet", 1200), new ToolSize("getPet", 400),
        new ToolSize("findPets", 2000), new ToolSize("deletePet", 400));
    return new LintReport("petstore", findings, sizes, 4013, budget, "{}\n");
  }

  @Test
  void tableListsChecksThenLargestToolsThenTotals() {
    assertThat(report(null).table()).isEqualTo("""
        check                          tools  example tools
        -----------------------------  -----  ---------------------------
        missing tool description           0
        vague tool description             1  addPet
        arguments without description      4  addPet, getPet, findPets, …
        vague argument description         0
        name shortened to fit              0
        schema cut by the budget           0
        output schema left out (size)      0

        largest tools  ~tokens  share
        -------------  -------  -----
        findPets           500  50.0%
        addPet             300  30.0%
        getPet             100  10.0%
        deletePet          100  10.0%

        total: 4 tools, 4,013 bytes, ~1,004 tokens (bytes / 4); token budget: none
        """);
  }

  @Test
  void totalsSayHowMuchOfTheBudgetIsUsedOrThatItIsExceeded() {
    assertThat(report(2000).totals()).endsWith("token budget: 2,000 (50.2% used)");
    assertThat(report(2000).budgetExceeded()).isFalse();
    assertThat(report(1003).totals()).endsWith("token budget: 1,003 (EXCEEDED)");
    assertThat(report(1003).budgetExceeded()).isTrue();
  }

  @Test
  void markdownHasOneRowPerToolWithFindingsAndEscapesPipes() {
    assertThat(report(null).markdown()).endsWith("""
        | tool | ~tokens | findings |
        | --- | ---: | --- |
        | addPet | 300 | vague tool description: 1 word, fewer than 3; arguments without description: name |
        | getPet | 100 | arguments without description: petId |
        | findPets | 500 | arguments without description: tags \\| status |
        | deletePet | 100 | arguments without description: petId |
        """);
  }

  @Test
  void noLineIsWiderThan120CharactersWhateverTheNames() {
    List<Finding> findings = new ArrayList<>();
    List<ToolSize> sizes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String name = "aToolWithAVeryLongNameThatGoesOnAndOnAndOnUntilItIsSixtyFourCharactersLong".substring(0, 60)
          + "_" + i;
      findings.add(new Finding(Check.SCHEMA_CUT, name, "at input#/properties/x"));
      sizes.add(new ToolSize(name, 1000 + i));
    }
    String table = new LintReport("wide", findings, sizes, 100_000_000L, 5, "{}\n").table();

    assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    assertThat(table).contains("schema cut by the budget          12  aToolWith");
  }
}
