// The precision figures are published at: a share to 0.1 percentage point,
// a mean, median or quartile to one decimal. A rounded figure r stands for a
// true value in [r − half, r + half]: the bounds an outsider reads from it.
export const PRECISION = { share: 3, mean: 1 } as const;

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // The tiny nudge keeps 0.0625 → 0.063 from becoming 0.062 through binary representation.
  return Math.round(x * f + Math.sign(x) * 1e-9) / f;
}

export const half = (decimals: number): number => 0.5 / 10 ** decimals;
