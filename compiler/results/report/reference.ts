// A question's reference level ("önskat läge") in words, one wording for the
// text beside the result, the chart's text alternative and the sheet.
import type { PublishedReference } from "../published.js";
import type { Numbers } from "./numbers.js";
import type { ReportStrings } from "./strings.js";

/** "60,0 % når målet", "25,0 % förbättras", "medelvärde 7,5". */
export function referenceLevel(ref: PublishedReference, analysis: string, s: ReportStrings, num: Numbers): string {
  if (ref.kind === "value") return s.referenceLevel.value(num.statValue(ref.value));
  // A share is of those who improve (change) or who reach the goal (attainment).
  return (analysis === "change" ? s.referenceLevel.change : s.referenceLevel.attainment)(num.percent(ref.value));
}
