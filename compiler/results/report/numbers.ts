// How a published figure is written: counts with the language's digit
// grouping, shares as per cent at the precision they were rounded to, means
// and quartiles at theirs; a hidden figure is "..", as in official statistics.
import type { Figure, Results } from "../published.js";

export const HIDDEN = "..";
/** A figure that does not exist (a share of an empty group, the mean of no values): null without a reason. */
export const UNDEFINED = ".";

/** How a null figure is written: ".." when hidden, "." when it does not exist. */
export const absent = (f: Figure): string => (f.hidden ? HIDDEN : UNDEFINED);

export class Numbers {
  private readonly counts: Intl.NumberFormat;
  private readonly shares: Intl.NumberFormat;
  private readonly stats: Intl.NumberFormat;

  constructor(locale: string, precision: Results["precision"]) {
    this.counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    // A share rounded to d decimals as a fraction has d − 2 decimals as per cent.
    const shareDigits = Math.max(0, precision.share - 2);
    this.shares = new Intl.NumberFormat(locale, { minimumFractionDigits: shareDigits, maximumFractionDigits: shareDigits });
    this.stats = new Intl.NumberFormat(locale, { minimumFractionDigits: precision.mean, maximumFractionDigits: precision.mean });
  }

  count(f: Figure): string {
    return f.value === null ? absent(f) : this.counts.format(f.value);
  }

  share(f: Figure): string {
    return f.value === null ? absent(f) : this.percent(f.value);
  }

  stat(f: Figure | undefined): string {
    if (!f) return "";
    return f.value === null ? absent(f) : this.stats.format(f.value);
  }

  percent(fraction: number): string {
    return `${this.shares.format(fraction * 100)} %`;
  }

  statValue(v: number): string {
    return this.stats.format(v);
  }
}
