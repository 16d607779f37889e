// ISU0503: values the group's source can take that no entry of the group
// maps (codes of its value set, or parts of its declared numeric range).
import type * as A from "../../syntax/ast.js";
import { declaredInterval, describeInterval, sortedBands, uncoveredEnds, type Interval, type NumberKind } from "../support/bands.js";
import type { Fix, TextEdit } from "../../syntax/diagnostic.js";
import { groupSource, type GroupSource } from "../support/group-source.js";
import { facts } from "../../semantics/facts.js";
import type { Sym } from "../../semantics/resolve.js";
import type { Rule, RuleContext } from "../engine/rule.js";
import { hasSyntaxProblem } from "../support/syntax-guard.js";
import { indentOf, insertAt, insertBeforeClosingBrace } from "../support/source-edits.js";

/** Whether a literal in a group mapping names this value (as name resolution matches them). */
export function mapsValue(lit: A.ValueLit, v: A.ValueDecl): boolean {
  return v.code.value === lit.raw || (lit.kind === "number" && v.code.kind === "number" && Number(v.code.value) === lit.value);
}

function lastEntry(g: A.GroupDecl): A.GroupEntry | undefined {
  return [...g.entries].sort((a, b) => b.range.start.offset - a.range.start.offset)[0];
}

function quoted(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const unmappedValues: Rule = {
  meta: {
    code: "ISU0503",
    name: "unmapped-values",
    defaultSeverity: "warning",
    description: "Some values of a group's source variable belong to no entry of the group.",
    docs: `A comparison group should place every individual in an entry. A code of the source's value set that no entry lists, or a part of the source's declared range that no band covers, leaves individuals outside every entry of every table split by the group. Codes marked \`missing\` are exempt: they count as missing data (bortfall) in every table anyway. Map each remaining code to an entry (several codes may share one: \`"Bor med andra" = sambo, barn\`), or add a band for the uncovered range (the fix adds an entry for each). A numeric source without a declared range can take any value, so declare its range (\`integer 18..120\`) to say which values are possible.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const g of facts(r).groups) {
      if (hasSyntaxProblem(r, g.file, g.decl.range)) continue;
      const src = groupSource(r, g.decl);
      if (!src) continue;
      if ((src.kind === "integer" || src.kind === "decimal") && g.decl.entries.every((e) => e.band)) uncoveredRange(ctx, g, src, src.kind);
      else if (src.kind === "choice" && src.valueset && g.decl.entries.every((e) => !e.band)) unmappedCodes(ctx, g, src.valueset);
    }
  },
};

/** Parts of a numeric source's declared range below the first band or above the last. */
function uncoveredRange(ctx: RuleContext, g: Sym<A.GroupDecl>, src: GroupSource, kind: NumberKind): void {
  const d = g.decl;
  const sf = ctx.source(g.file);
  const bands = sortedBands(d, kind);
  const parts = uncoveredEnds(bands, declaredInterval(src.variable.decl.type), kind);
  if (parts.length === 0) return;
  const type = src.variable.decl.type;
  const bounds = type.kind === kind ? type.bounds : undefined;
  const typeText = bounds ? `${kind} ${bounds.low?.raw ?? ""}..${bounds.high?.raw ?? ""}` : `${kind} without a declared range`;
  const what = list(parts.map((p) => describeInterval(p, kind)));
  const single = parts.length === 1 && parts[0]!.lo === parts[0]!.hi;

  // A decimal range's top value is left out by a last band that ends exactly there.
  const top = bands.reduce((a, b) => (b.interval.hi > a.interval.hi ? b : a));
  const lastPart = parts[parts.length - 1]!;
  const openEnd = kind === "decimal" && top.band.high && lastPart.lo === top.interval.hi && lastPart.hi === lastPart.lo ? `${top.band.low?.raw ?? ""}..` : undefined;

  let fix: Fix | undefined;
  if (openEnd && parts.length === 1) {
    fix = { title: `Write the last band as '${openEnd}'`, preferred: true, edits: [{ file: g.file, range: top.band.high!.range, newText: "" }] };
  } else if (kind === "integer" && parts.every((i: Interval) => Number.isFinite(i.lo) && Number.isFinite(i.hi))) {
    // One entry per uncovered part: before the first entry for values below, at the end for values above.
    const unit = src.variable.decl.unit?.text;
    const firstEntry = [...d.entries].sort((a, b) => a.range.start.offset - b.range.start.offset)[0]!;
    const edits: TextEdit[] = [];
    for (const part of parts) {
      const entry = `${quoted(`${part.lo === part.hi ? part.lo : `${part.lo}–${part.hi}`}${unit ? ` ${unit.value}` : ""}`)} = ${part.lo}..${part.hi}`;
      if (part.hi < bands[0]!.interval.lo) {
        const before = sf.text.slice(0, firstEntry.range.start.offset);
        const indent = /[ \t]*$/.exec(before)![0];
        edits.push(insertAt(sf.path, firstEntry.range.start, before.endsWith("\n" + indent) ? `${entry}\n${indent}` : `${entry} `));
      } else {
        const e = insertBeforeClosingBrace(sf, d.range, entry, lastEntry(d)?.range);
        if (e) edits.push(e);
      }
    }
    if (edits.length === parts.length) fix = { title: `Add ${parts.length === 1 ? "an entry" : "entries"} for ${what}`, edits };
  }

  ctx.report({
    file: g.file,
    range: d.name.range,
    message: `${single ? "value" : "values"} ${what} of '${src.variable.name}' (${typeText}) ${single ? "belongs" : "belong"} to no entry of group '${g.name}'`,
    hint: openEnd
      ? `a decimal band excludes its high end: write the last band as '${openEnd}' to include ${describeInterval(lastPart, kind)}`
      : bounds
        ? `add a band for ${what}, or widen the first or last band`
        : `declare the range '${src.variable.name}' can take (e.g. '${kind} 0..120'), or add a band for ${what}`,
    ...(fix ? { fixes: [fix] } : {}),
  });
}

/** Codes of a choice source's value set (other than `missing` ones) that no entry lists. */
function unmappedCodes(ctx: RuleContext, g: Sym<A.GroupDecl>, vs: Sym<A.ValuesetDecl>): void {
  const d = g.decl;
  const mapped = d.entries.flatMap((e) => e.values);
  const unmapped = vs.decl.values.filter((v) => !v.missing && !mapped.some((lit) => mapsValue(lit, v)));
  if (unmapped.length === 0) return;
  const one = unmapped.length === 1;
  const codes = list(unmapped.map((v) => `'${v.code.value}'`));
  const sf = ctx.source(g.file);
  const sibling = lastEntry(d)?.range;
  const indent = sibling ? indentOf(sf, sibling.start.offset) : indentOf(sf, d.range.start.offset) + "  ";
  const entries = unmapped.map((v) => `${quoted(v.label.text.value)} = ${v.code.value}`);
  const edit = insertBeforeClosingBrace(sf, d.range, entries.join(`\n${indent}`), sibling);
  ctx.report({
    file: g.file,
    range: d.name.range,
    message: `${one ? "value" : "values"} ${codes} of value set '${vs.name}' ${one ? "is" : "are"} mapped by no entry of group '${g.name}'`,
    hint: `add ${one ? "it" : "them"} to an entry (\`= …, ${unmapped[0]!.code.value}\`) or give ${one ? "it an entry of its" : "them entries of their"} own; mark codes that mean 'unknown' as \`missing\``,
    ...(edit ? { fixes: [{ title: `Add ${one ? "an entry" : "an entry each"} for ${codes}`, edits: [edit] }] } : {}),
  });
}
