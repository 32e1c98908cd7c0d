package bench;

/**
 * One line of the result table: our figure beside the peer's, both as median [min–max] over the runs.
 *
 * @param target the target as text, e.g. {@code ≤ 0.85× peer} or {@code ≤ 0.5 ms}
 * @param met whether the target is met; null where the row has no target
 */
record Row(String name, String unit, Stats ours, Stats peer, String oursNote, String peerNote, String target,
    Boolean met) {

  String ratio() {
    if (ours == null || peer == null || peer.median() == 0) {
      return "—";
    }
    return String.format("%.2f×", ours.median() / peer.median());
  }

  static String cell(Stats stats, String unit, String note) {
    if (stats == null) {
      return note == null ? "—" : note;
    }
    String text = stats.size() == 1
        ? format(stats.median()) + " " + unit
        : format(stats.median()) + " " + unit + " [" + format(stats.min()) + "–" + format(stats.max()) + "]";
    return note == null ? text : text + " (" + note + ")";
  }

  static String format(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return String.format("%,.0f", value);
    }
    if (magnitude >= 100) {
      return String.format("%.0f", value);
    }
    if (magnitude >= 10) {
      return String.format("%.1f", value);
    }
    if (magnitude >= 1) {
      return String.format("%.2f", value);
    }
    return String.format("%.3f", value);
  }

  String markdown() {
    return "| " + name + " | " + cell(ours, unit, oursNote) + " | " + cell(peer, unit, peerNote) + " | " + ratio()
        + " | " + (target == null ? "—" : target) + " | " + (met == null ? "—" : met ? "yes" : "**no**") + " |";
  }

  static String header() {
    return "| row | ours: median [min–max] | peer: median [min–max] | ratio | target | met? |\n"
        + "| --- | --- | --- | --- | --- | --- |";
  }
}
