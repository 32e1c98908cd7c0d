package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An immutable sorted sample; percentiles use the nearest-rank method, so every figure is a value that was measured. */
final class Stats {
  private final List<Double> sorted;

  Stats(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> copy = new ArrayList<>(values);
    Collections.sort(copy);
    this.sorted = List.copyOf(copy);
  }

  double median() {
    return percentile(50);
  }

  double min() {
    return sorted.get(0);
  }

  double max() {
    return sorted.get(sorted.size() - 1);
  }

  int size() {
    return sorted.size();
  }

  /** Nearest rank: the smallest value with at least {@code p} percent of the sample at or below it. */
  double percentile(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
