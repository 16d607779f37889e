// ISU0302: one question, one analysis — each question becomes one query and one table.
import type * as A from "../../syntax/ast.js";
import { declarationsOf } from "../support/check-support.js";
import { insertAt, replace } from "../support/source-edits.js";
import type { Fix } from "../../syntax/diagnostic.js";
import type { Resolution } from "../../semantics/resolve.js";
import type { Rule } from "../engine/rule.js";
import { positionAt, type SourceFile } from "../../syntax/source.js";

export const severalAnalyses: Rule = {
  meta: {
    code: "ISU0302",
    name: "several-analyses",
    defaultSeverity: "error",
    description: "A question states more than one analysis.",
    docs: `A question is answered by exactly one analysis: it becomes one named query and one table in the handbook, split by its \`by\` groups and restricted by its \`where\`. When a question holds two analyses, only the first would be computed and the rest silently lost. Split it into separate questions; the quick fix moves the extra analysis into a new question with the same splits and conditions.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const taken = new Set(r.questions.keys());
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      if (q.analyses.length < 2) continue;
      const sf = ctx.source(file);
      const first = q.analyses[0]!;
      for (const a of q.analyses.slice(1)) {
        const fix = moveFix(r, sf, q, a, taken);
        ctx.report({
          file,
          range: a.range,
          message: `question '${q.name.text}' has more than one analysis: '${a.kind}' after '${first.kind}'`,
          hint: `ask '${a.kind}' in a question of its own; a question is answered by one analysis`,
          fixes: [fix],
        });
      }
    }
  },
};

const slice = (sf: SourceFile, range: A.Range): string => sf.text.slice(range.start.offset, range.end.offset);

/** Moves an analysis into a new question after this one, keeping the question's splits and conditions. */
function moveFix(r: Resolution, sf: SourceFile, q: A.QuestionDecl, a: A.Analysis, taken: Set<string>): Fix {
  let name = `${q.name.text}_${a.kind}`;
  for (let i = 2; taken.has(name) || r.variables.has(name); i++) name = `${q.name.text}_${a.kind}_${i}`;
  taken.add(name);
  const lines = [`question ${name}${q.label.text ? " " + slice(sf, q.label.text.range) : ""} {`, `  ${slice(sf, a.range)}`];
  if (q.splits.length) lines.push(`  by ${q.splits.map((s) => slice(sf, s.range)).join(", ")}`);
  for (const w of q.where) lines.push(`  where ${slice(sf, w.range)}`);
  lines.push("}");
  return {
    title: `Move '${a.kind}' to a new question '${name}'`,
    preferred: true,
    edits: [replace(sf.path, wholeLines(sf, a.range), ""), insertAt(sf.path, q.range.end, "\n\n" + lines.join("\n"))],
  };
}

/** The range widened to whole lines when nothing else stands on them. */
function wholeLines(sf: SourceFile, range: A.Range): A.Range {
  const text = sf.text;
  const lineStart = range.start.offset - (range.start.column - 1);
  let lineEnd = text.indexOf("\n", range.end.offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text.slice(lineStart, range.start.offset).trim() !== "" || text.slice(range.end.offset, lineEnd).trim() !== "") return range;
  return { start: positionAt(sf.lineStarts, lineStart), end: positionAt(sf.lineStarts, Math.min(text.length, lineEnd + 1)) };
}
