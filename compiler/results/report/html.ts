// report.html: one self-contained page — inline style, charts as inline SVG,
// no script and nothing fetched. Every text is HTML-escaped as the handbook's
// templates escape it (Handlebars' escapeExpression); only the chart SVG,
// which vega wrote from escaped data, is spliced in as it is.
import Handlebars from "handlebars";
import { chartSummaryId } from "./charts/render.js";
import { css } from "./style.js";
import type { FactRow, QuestionView, ReportView, TableView } from "./view-types.js";

const esc = Handlebars.Utils.escapeExpression;

function facts(rows: FactRow[]): string {
  return `<table class="facts"><tbody>\n${rows.map((r) => `<tr><th scope="row">${esc(r.key)}</th><td>${esc(r.value)}</td></tr>`).join("\n")}\n</tbody></table>\n`;
}

function table(t: TableView, v: ReportView, cls = "result"): string {
  const marker = (reason: string) => v.hiddenNotes.find((n) => n.reason === reason)!;
  const groups = t.header[0]!.map((h) => `<colgroup${h.colspan > 1 ? ` span="${h.colspan}"` : ""}></colgroup>`).join("");
  const head = t.header
    .map((row) => `<tr>${row.map((h) => `<th scope="${h.scope}"${h.colspan > 1 ? ` colspan="${h.colspan}"` : ""}${h.rowspan > 1 ? ` rowspan="${h.rowspan}"` : ""}>${esc(h.text)}</th>`).join("")}</tr>`)
    .join("\n");
  const body = t.rows
    .map((r) => {
      const cells = r.cells.map((c) => {
        const classes = [c.cls, c.hidden ? "hidden" : null].filter(Boolean).join(" ");
        const attrs = `${classes ? ` class="${classes}"` : ""}${c.hidden ? ` data-hidden="${c.hidden}" title="${esc(marker(c.hidden).text)}"` : ""}`;
        return `<td${attrs}>${esc(c.text)}${c.hidden ? `<sup>${marker(c.hidden).marker}</sup>` : ""}</td>`;
      });
      return `<tr${r.cls ? ` class="${r.cls}"` : ""}><th scope="row">${esc(r.head)}</th>${cells.join("")}</tr>`;
    })
    .join("\n");
  const notes = [
    ...t.hidden.map((reason) => `<p class="note"><sup>${marker(reason).marker}</sup> ${esc(`${".."} ${marker(reason).text}`)}</p>`),
    ...t.notes.map((n) => `<p class="note">${esc(n)}</p>`),
  ].join("\n");
  return `<div class="table-wrap" id="table-${esc(t.id)}">
<table class="${cls}">
${t.caption ? `<caption>${esc(t.caption)}</caption>\n` : ""}${groups}
<thead>
${head}
</thead>
<tbody>
${body}
</tbody>
</table>
${notes}
</div>
`;
}

function question(q: QuestionView, v: ReportView): string {
  const chart = q.chart
    ? `<figure class="chart">
${q.chart.svg}
<figcaption id="${esc(chartSummaryId({ name: q.name }))}">${esc(q.chartSummary)}</figcaption>
</figure>
`
    : "";
  return `<article class="question" id="${esc(q.id)}">
<h3><span class="qnum">${esc(q.heading)}.</span> ${esc(q.title)}<code class="name">${esc(q.name)}</code></h3>
<p class="description">${esc(q.description)}</p>
${q.reference ? `<p class="reference">${esc(q.reference)}</p>\n` : ""}${chart}${q.tables.map((t) => table(t, v)).join("")}${q.notes.length ? `<ul class="notes">\n${q.notes.map((n) => `<li>${esc(n)}</li>`).join("\n")}\n</ul>\n` : ""}</article>
`;
}

export function htmlReport(v: ReportView): string {
  return `<!DOCTYPE html>
<html lang="${esc(v.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(v.title)}</title>
<style>${css}</style>
</head>
<body>
<header class="title-page">
<p class="subtitle">${esc(v.subtitle)}</p>
<h1>${esc(v.title)}</h1>
${facts(v.facts)}<p class="intro">${esc(v.intro)}</p>
</header>

<nav class="toc" aria-labelledby="toc">
<h2 id="toc">${esc(v.toc.heading)}</h2>
<ul>
${v.toc.entries.map((e) => `<li><a href="#${esc(e.href)}">${esc(e.text)}</a></li>`).join("\n")}
</ul>
</nav>

<main>
<section id="${v.basis.id}">
<h2>${esc(v.basis.heading)}</h2>
<p>${esc(v.basis.intro)}</p>
${facts(v.basis.facts)}${v.basis.tables.map((t) => table(t, v)).join("")}</section>

<section id="${v.reliability.id}">
<h2>${esc(v.reliability.heading)}</h2>
<p>${esc(v.reliability.intro)}</p>
${v.reliability.topics.map((t) => `<div class="topic">\n<h3>${esc(t.heading)}</h3>\n${t.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}\n</div>`).join("\n")}
</section>

<section id="${v.questions.id}">
<h2>${esc(v.questions.heading)}</h2>
<p class="note">${esc(v.questions.legend)}</p>
${v.questions.items.map((q) => question(q, v)).join("\n")}</section>

<section id="${v.protection.id}">
<h2>${esc(v.protection.heading)}</h2>
<p>${esc(v.protection.intro)}</p>
${facts(v.protection.facts)}<p>${esc(v.protection.statement)}</p>
<ul class="notes">
${v.hiddenNotes.map((n) => `<li id="fn-${n.reason}"><sup>${n.marker}</sup> .. ${esc(n.text)}</li>`).join("\n")}
</ul>
</section>

<section id="${v.scenarios.id}">
<h2>${esc(v.scenarios.heading)}</h2>
<p>${esc(v.scenarios.intro)}</p>
${table(v.scenarios.table, v, "scenarios")}<p>${esc(v.scenarios.outro)}</p>
</section>
</main>
</body>
</html>
`;
}
