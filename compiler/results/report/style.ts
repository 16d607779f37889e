// The report's style sheet: the handbook's (local fonts, nothing fetched, A4
// when printed) and what the report adds — figures, hidden cells, charts,
// and a page break before each question.
import { css as handbookCss } from "../../generate/handbook/templates/style.js";

export const css = `${handbookCss}
table caption { caption-side: top; text-align: left; font-weight: 600; margin-bottom: .3em; }
table.result { width: auto; min-width: 60%; }
table.result td { text-align: right; white-space: nowrap; color: var(--ink); font-variant-numeric: tabular-nums; }
table.result thead th { text-align: center; }
table.result tbody th { font-weight: normal; }
tr.missing th, tr.missing td, td.missing { font-style: italic; }
tr.size th, tr.size td, td.size { font-weight: 600; }
td.hidden { color: var(--ink); }
td.hidden sup, p.note sup { font-size: .7em; }
.table-wrap { overflow-x: auto; margin: 1em 0 1.6em; }
figure.chart { margin: 1em 0 1.4em; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { font-weight: normal; font-size: .9rem; color: var(--ink); margin-top: .4em; }
p.reference { border-left: 4px solid var(--accent); padding: .2em .7em; background: var(--soft); }
p.description { color: var(--muted); }
@media print {
  article.question { break-before: page; border-top: none; }
  section#questions > article.question:first-of-type { break-before: auto; }
  figure.chart, .table-wrap { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  td.improved, td.unchanged, td.worsened, p.reference { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
