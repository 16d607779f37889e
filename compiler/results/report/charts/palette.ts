// The charts' colours. Each has a contrast of at least 3:1 against the white
// background (WCAG 2.1 AA for graphical objects, 1.4.11); stacked segments
// are separated by a white stroke, so neighbours need not contrast each other.
export const INK = "#1d1d1f";
export const MUTED = "#55555a";

/** Outcome colours by outcome code. */
export const OUTCOME_COLOURS: Record<string, string> = {
  improved: "#1a7a3a",
  reached: "#1a7a3a",
  unchanged: "#6e6e73",
  worsened: "#b3261e",
  not_reached: "#b3261e",
};

/** Colours for groups and categories, in order. */
export const SERIES_COLOURS = ["#1f4e79", "#b35900", "#6a3d9a", "#1a7a3a", "#a51c5c", "#4d4d4d", "#00707a", "#8a5a00"];

export const REFERENCE_COLOUR = INK;
