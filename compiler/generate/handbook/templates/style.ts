// The handbook's inline style sheet: local fonts only (nothing is fetched),
// readable on screen and laid out for A4 when printed.
export const css = `
:root { --ink: #1d1d1f; --muted: #5a5a60; --line: #c8ccd2; --soft: #f2f5f8; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 2.1rem; line-height: 1.2; margin: .3em 0 .8em; color: var(--accent); }
h2 { font-size: 1.5rem; margin: 2.6em 0 .6em; padding-bottom: .2em; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.15rem; margin: 2em 0 .5em; }
h4 { font-size: 1rem; margin: 1.5em 0 .4em; }
p { margin: .5em 0; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .86em; background: var(--soft); padding: 0 .2em; border-radius: 3px; }
code.name { font-weight: normal; font-size: .72em; color: var(--muted); margin-left: .5em; vertical-align: middle; }
.title-page { padding: 2rem 0 1rem; }
.title-page .subtitle { text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; color: var(--muted); margin: 0; }
.title-page .intro { max-width: 44rem; }
.generated { color: var(--muted); font-size: .85rem; }
nav.toc { margin: 2rem 0; padding: 1rem 1.5rem; background: var(--soft); border-radius: 6px; }
nav.toc h2 { margin-top: .3em; border: none; }
nav.toc ul { list-style: none; padding-left: 0; margin: .2em 0; }
nav.toc ul ul { padding-left: 1.6em; font-size: .92em; }
nav.toc li { margin: .15em 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3em .55em; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
table.facts { width: 100%; }
table.facts th, table.facts td { border: none; border-bottom: 1px solid var(--soft); padding: .25em .8em .25em 0; }
table.facts th { font-weight: 600; width: 14rem; color: var(--muted); }
figure.table { margin: 1em 0 1.6em; overflow-x: auto; }
td code, th code { white-space: nowrap; }
figcaption { font-weight: 600; margin-bottom: .3em; }
figcaption .query { display: block; font-weight: normal; font-size: .8rem; color: var(--muted); }
table.result td { text-align: center; white-space: nowrap; color: var(--muted); }
table.result thead th:not(:first-child) { text-align: center; }
tr.missing th, tr.missing td, td.missing { font-style: italic; }
tr.total th, tr.total td { border-top: 2px solid var(--ink); font-weight: 600; }
td.improved { background: #e4f3e8; }
td.unchanged { background: #f1f1f1; }
td.worsened { background: #fbe7e4; }
p.note { font-size: .85rem; color: var(--muted); margin: .15em 0; }
ul.notes { font-size: .9rem; padding-left: 1.2em; }
article.question, article.entry, section.timepoint { border-top: 1px solid var(--line); margin-top: 1.5em; }
article.question h3 .qnum { color: var(--muted); font-weight: normal; }
ol.checklist li { margin: .3em 0; }
.topic { margin-bottom: 1em; }
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm; }
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  code { background: none; padding: 0; }
  .title-page { break-after: page; padding-top: 30mm; }
  nav.toc { background: none; padding: 0; break-after: page; }
  main > section { break-before: page; }
  h2, h3, h4, figcaption { break-after: avoid; }
  tr, table.facts, p.note { break-inside: avoid; }
  thead { display: table-header-group; }
  figure.table { overflow: visible; }
  td.improved, td.unchanged, td.worsened, thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
