package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolRevisionTest {

  @Test
  void supportedRevisionsArePreferredNewestFirst() {
    assertThat(ProtocolRevision.supportedIds()).containsExactly("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
  }

  @Test
  void negotiationKeepsASupportedRequestAndOtherwiseOffersTheLatest() {
    for (ProtocolRevision revision : ProtocolRevision.values()) {
      assertThat(ProtocolRevision.negotiate(revision.id())).isEqualTo(revision);
    }
    assertThat(ProtocolRevision.negotiate("2026-07-28")).isEqualTo(ProtocolRevision.V2025_11_25);
    assertThat(ProtocolRevision.negotiate("1.0")).isEqualTo(ProtocolRevision.V2025_11_25);
  }

  @Test
  void featureTableFollowsTheSchemaOfEachRevision() {
    assertThat(ProtocolRevision.V2024_11_05.hasToolAnnotations()).isFalse();
    assertThat(ProtocolRevision.V2024_11_05.hasAudioContent()).isFalse();
    assertThat(ProtocolRevision.V2025_03_26.hasToolAnnotations()).isTrue();
    assertThat(ProtocolRevision.V2025_03_26.hasAudioContent()).isTrue();
    assertThat(ProtocolRevision.V2025_03_26.hasTitles()).isFalse();
    assertThat(ProtocolRevision.V2025_03_26.hasStructuredOutput()).isFalse();
    assertThat(ProtocolRevision.V2025_06_18.hasTitles()).isTrue();
    assertThat(ProtocolRevision.V2025_06_18.hasStructuredOutput()).isTrue();
    assertThat(ProtocolRevision.V2025_11_25.hasStructuredOutput()).isTrue();
  }
}
