// What a plan means when it leaves a setting out.

/** The smallest count a table shows without `min_cell`; smaller cells are suppressed. */
export const DEFAULT_MIN_CELL = 5;
