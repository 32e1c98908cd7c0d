package dev.openapi2mcp.generator.customize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Path globs of a tool filter (issue 4, item 1). */
class PathGlobTest {

  @Test
  void aStarMatchesWithinOneSegment() {
    PathGlob glob = new PathGlob("/pet/*");

    assertThat(glob.matches("/pet/{petId}")).isTrue();
    assertThat(glob.matches("/pet/findByStatus")).isTrue();
    assertThat(glob.matches("/pet")).isFalse();
    assertThat(glob.matches("/pet/{petId}/uploadImage")).isFalse();
  }

  @Test
  void aStarMayBePartOfASegment() {
    PathGlob glob = new PathGlob("/pet*");

    assertThat(glob.matches("/pet")).isTrue();
    assertThat(glob.matches("/pets")).isTrue();
    assertThat(glob.matches("/pets/1")).isFalse();
    assertThat(new PathGlob("/pets/{*}").matches("/pets/{petId}")).isTrue();
  }

  @Test
  void aDoubleStarSegmentMatchesAnyNumberOfSegmentsNoneIncluded() {
    PathGlob glob = new PathGlob("/store/**");

    assertThat(glob.matches("/store")).isTrue();
    assertThat(glob.matches("/store/order")).isTrue();
    assertThat(glob.matches("/store/order/{orderId}")).isTrue();
    assertThat(glob.matches("/stores")).isFalse();
    assertThat(new PathGlob("/**/photos/*").matches("/pets/{petId}/photos/{photoId}")).isTrue();
    assertThat(new PathGlob("/**/photos/*").matches("/photos/1")).isTrue();
  }

  @Test
  void aDoubleStarAloneMatchesEveryPath() {
    assertThat(new PathGlob("**").matches("/a/b/c")).isTrue();
    assertThat(new PathGlob("/**").matches("/")).isTrue();
  }

  @Test
  void everythingElseMatchesItselfRegexCharactersIncluded() {
    assertThat(new PathGlob("/pet/{petId}").matches("/pet/{petId}")).isTrue();
    assertThat(new PathGlob("/pet/{petId}").matches("/pet/{id}")).isFalse();
    assertThat(new PathGlob("/v1.0/items").matches("/v1x0/items")).isFalse();
    assertThat(new PathGlob("pets").matches("/pets")).isTrue();
  }
}
