// Mean and quartiles of a group's values from their histogram, so that the
// figures are exact however the counts were made. Quartiles follow the
// common definition of linear interpolation between order statistics
// (position p · (n − 1), 0-based): the median is the middle value or the mean
// of the two middle ones.

/** value → how many individuals have it. */
export type Histogram = Map<number, number>;

export interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export function summarize(histogram: Histogram): Summary {
  const bins = [...histogram.entries()].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = bins.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return { n, mean: null, median: null, q1: null, q3: null };
  const mean = bins.reduce((s, [v, c]) => s + v * c, 0) / n;
  /** The k-th smallest value, 0-based. */
  const at = (k: number): number => {
    let seen = 0;
    for (const [v, c] of bins) {
      seen += c;
      if (k < seen) return v;
    }
    return bins[bins.length - 1]![0];
  };
  const quantile = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const low = at(lo);
    return h === lo ? low : low + (h - lo) * (at(lo + 1) - low);
  };
  return { n, mean, median: quantile(0.5), q1: quantile(0.25), q3: quantile(0.75) };
}
