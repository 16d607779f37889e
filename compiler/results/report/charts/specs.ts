// The Vega-Lite spec of a question's chart: stacked bars of outcome shares
// per group (change, attainment), bars of category shares (count, groups
// side by side), stacked counts per row (crosstab), or the median and mean
// as points over the q1–q3 range (summary). A reference level is a dashed rule.
import type { TopLevelSpec } from "vega-lite";
import type { PublishedReference } from "../../published.js";
import type { ChartData } from "./data.js";
import { INK, MUTED, OUTCOME_COLOURS, REFERENCE_COLOUR, SERIES_COLOURS } from "./palette.js";

export interface ChartTexts {
  share: string;
  count: string;
  value: string;
  group: string;
  median: string;
  mean: string;
  /** Written beside the reference level's rule ("Önskat läge: 60,0 %"), so the dashed line says what it is. */
  reference?: string;
}

const WIDTH = 480;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';

const config = {
  font: FONT,
  // The chart is one image to assistive technology: its text alternative is on the <svg>, not on each mark.
  aria: false,
  background: "#ffffff",
  view: { stroke: null },
  axis: { labelColor: INK, titleColor: INK, domainColor: MUTED, tickColor: MUTED, gridColor: "#d9dce1", labelFontSize: 11, titleFontSize: 11, labelLimit: 220 },
  legend: { labelColor: INK, titleColor: INK, labelFontSize: 11, titleFontSize: 11, orient: "bottom", direction: "horizontal", labelLimit: 260 },
};

function referenceLayer(ref: PublishedReference | undefined, field: "x", label: string | undefined) {
  if (!ref) return [];
  const rule = {
    data: { values: [{ reference: ref.value }] },
    mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 2 },
    encoding: { [field]: { field: "reference", type: "quantitative" } },
  };
  if (!label) return [rule];
  // Above the plot, starting at the line: the chart grows to fit it.
  const text = {
    data: { values: [{ reference: ref.value, label }] },
    mark: { type: "text", align: "left", baseline: "bottom", dx: 3, dy: -3, color: REFERENCE_COLOUR, fontSize: 11 },
    encoding: { [field]: { field: "reference", type: "quantitative" }, y: { value: 0 }, text: { field: "label", type: "nominal" } },
  };
  return [rule, text];
}

export function chartSpec(d: ChartData, ref: PublishedReference | undefined, t: ChartTexts): TopLevelSpec {
  const y = { field: "group", type: "nominal", title: null, sort: d.groups } as const;

  if (d.kind === "points") {
    const values = d.points.map((p) => ({ ...p }));
    const stats = d.points
      .flatMap((p) => [
        { group: p.group, stat: t.median, value: p.median },
        { group: p.group, stat: t.mean, value: p.mean },
      ])
      .filter((p) => p.value !== null);
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      config,
      width: WIDTH,
      height: { step: 26 },
      layer: [
        {
          data: { values: values.filter((p) => p.q1 !== null && p.q3 !== null) },
          mark: { type: "rule", color: MUTED, strokeWidth: 3 },
          encoding: { y, x: { field: "q1", type: "quantitative", title: t.value }, x2: { field: "q3" } },
        },
        {
          data: { values: stats },
          mark: { type: "point", filled: true, size: 90 },
          encoding: {
            y,
            x: { field: "value", type: "quantitative", title: t.value },
            shape: { field: "stat", type: "nominal", title: null, scale: { domain: [t.median, t.mean], range: ["circle", "diamond"] } },
            color: { field: "stat", type: "nominal", title: null, scale: { domain: [t.median, t.mean], range: [SERIES_COLOURS[0]!, SERIES_COLOURS[1]!] } },
          },
        },
        ...referenceLayer(ref, "x", t.reference),
      ],
    } as TopLevelSpec;
  }

  const share = d.scale === "share";
  const x = {
    field: "value",
    type: "quantitative",
    title: share ? t.share : t.count,
    ...(share ? { axis: { format: ".0%" }, scale: { domain: [0, 1] } } : {}),
    ...(d.kind === "stacked" ? { stack: "zero" } : {}),
  };
  const domain = d.parts.map((p) => p.label);
  const outcomeColours = d.parts.every((p) => p.code !== null && OUTCOME_COLOURS[p.code]);
  const range = outcomeColours ? d.parts.map((p) => OUTCOME_COLOURS[p.code!]!) : domain.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!);

  const bars =
    d.kind === "stacked"
      ? {
          data: { values: d.bars.map((b, i) => ({ ...b, order: i })) },
          mark: { type: "bar", stroke: "#ffffff", strokeWidth: 1 },
          encoding: { y, x, color: { field: "part", type: "nominal", title: null, scale: { domain, range } }, order: { field: "order" } },
        }
      : {
          data: { values: d.bars },
          mark: { type: "bar" },
          encoding: {
            y: { field: "part", type: "nominal", title: null, sort: domain },
            x,
            ...(d.groups.length > 1
              ? {
                  yOffset: { field: "group", sort: d.groups },
                  color: { field: "group", type: "nominal", title: t.group, scale: { domain: d.groups, range: d.groups.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!) } },
                }
              : { color: { value: SERIES_COLOURS[0]! } }),
          },
        };
  // Side by side, the step is each group's bar within a category's band.
  const step = d.kind === "bars" && d.groups.length > 1 ? 13 : 22;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config,
    width: WIDTH,
    height: { step },
    layer: [bars, ...referenceLayer(ref, "x", t.reference)],
  } as TopLevelSpec;
}
