// report.md: the same content as report.html in GitHub-flavoured Markdown.
// Text is escaped with the handbook's markdownText; a table's two header
// rows become one ("Kvinna n", "Kvinna %"), and each chart is given by its
// text alternative, since Markdown viewers do not show inline SVG.
import { markdownCode, markdownText } from "../../generate/handbook/escape.js";
import type { FactRow, ReportView, TableView } from "./view-types.js";

const SUPERSCRIPT = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];
const md = markdownText;

function facts(rows: FactRow[]): string[] {
  return rows.map((r) => `- **${md(r.key)}:** ${md(r.value)}`);
}

/** The column heads as one row: a column group's head before each of its columns' heads. */
function flatHeader(t: TableView): string[] {
  const [top, second = []] = t.header;
  const out: string[] = [];
  let next = 0;
  for (const h of top!) {
    if (h.rowspan > 1 || t.header.length === 1) out.push(h.text);
    else for (let i = 0; i < h.colspan; i++) out.push(`${h.text} ${second[next++]?.text ?? ""}`.trim());
  }
  return out;
}

function table(t: TableView, v: ReportView): string[] {
  const marker = (reason: string) => v.hiddenNotes.find((n) => n.reason === reason)!;
  const header = flatHeader(t);
  const lines: string[] = [];
  if (t.caption) lines.push(`**${md(t.caption)}**`, "");
  lines.push(`| ${header.map(md).join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? " --- |" : " ---: |")).join("")}`);
  for (const r of t.rows) lines.push(`| ${[md(r.head), ...r.cells.map((c) => `${md(c.text)}${c.hidden ? SUPERSCRIPT[marker(c.hidden).marker] : ""}`)].join(" | ")} |`);
  lines.push("");
  for (const reason of t.hidden) lines.push(`- ${SUPERSCRIPT[marker(reason).marker]} ${md(`.. ${marker(reason).text}`)}`);
  for (const n of t.notes) lines.push(`- ${md(n)}`);
  if (t.hidden.length + t.notes.length > 0) lines.push("");
  return lines;
}

export function markdownReport(v: ReportView): string {
  const out: string[] = [`# ${md(v.title)}`, "", `*${md(v.subtitle)}*`, "", ...facts(v.facts), "", md(v.intro), ""];
  out.push(`## ${md(v.toc.heading)}`, "", ...v.toc.entries.map((e) => `- [${md(e.text)}](#${e.href})`), "");

  out.push(`<a id="${v.basis.id}"></a>`, "", `## ${md(v.basis.heading)}`, "", md(v.basis.intro), "", ...facts(v.basis.facts), "");
  for (const t of v.basis.tables) out.push(...table(t, v));

  out.push(`<a id="${v.reliability.id}"></a>`, "", `## ${md(v.reliability.heading)}`, "", md(v.reliability.intro), "");
  for (const t of v.reliability.topics) out.push(`### ${md(t.heading)}`, "", ...t.paragraphs.flatMap((p) => [md(p), ""]));

  out.push(`<a id="${v.questions.id}"></a>`, "", `## ${md(v.questions.heading)}`, "", md(v.questions.legend), "");
  for (const q of v.questions.items) {
    out.push(`<a id="${q.id}"></a>`, "", `### ${md(q.heading)}. ${md(q.title)} (${markdownCode(q.name)})`, "", md(q.description), "");
    if (q.reference) out.push(`> ${md(q.reference)}`, "");
    out.push(`*${md(q.chartSummary)}*`, "");
    for (const t of q.tables) out.push(...table(t, v));
    for (const n of q.notes) out.push(`- ${md(n)}`);
    if (q.notes.length) out.push("");
  }

  out.push(`<a id="${v.protection.id}"></a>`, "", `## ${md(v.protection.heading)}`, "", md(v.protection.intro), "", ...facts(v.protection.facts), "", md(v.protection.statement), "");
  out.push(...v.hiddenNotes.map((n) => `- ${SUPERSCRIPT[n.marker]} ${md(`.. ${n.text}`)}`), "");

  out.push(`<a id="${v.scenarios.id}"></a>`, "", `## ${md(v.scenarios.heading)}`, "", md(v.scenarios.intro), "", ...table(v.scenarios.table, v), md(v.scenarios.outro), "");
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}
