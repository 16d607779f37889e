// Hover: what a name or a value code stands for — label, type, definition,
// value set with its codes, time points and the questions that read it.
import * as nodePath from "node:path";
import { MarkupKind, type Hover } from "vscode-languageserver/node.js";
import type * as A from "../compiler/syntax/ast.js";
import { valuesetOf, type Resolution, type Sym } from "../compiler/semantics/resolve.js";
import { facts } from "../compiler/semantics/facts.js";
import { writtenTexts } from "../compiler/syntax/localized-text.js";
import { code, describeRange, describeType, md, valueMarkers } from "./describe.js";
import { occurrences, type Occurrence } from "./occurrences.js";
import { toLspRange } from "./positions.js";
import type { Workspace } from "./workspace.js";

const MAX_VALUES = 30;

export function hover(ws: Workspace, path: string, offset: number): Hover | null {
  const r = ws.resolution(path);
  const o = occurrences(r).at(path, offset);
  if (!o) return null;
  const text = render(r, o, path);
  return text ? { contents: { kind: MarkupKind.Markdown, value: text }, range: toLspRange(o.range) } : null;
}

function render(r: Resolution, o: Occurrence, from: string): string | undefined {
  const t = o.target;
  switch (t.kind) {
    case "symbol":
      return [symbolText(r, t.sym), declaredIn(t.sym.file, from)].filter(Boolean).join("\n\n");
    case "value":
      return [valueText(t.valueset, t.value), declaredIn(t.valueset.file, from)].filter(Boolean).join("\n\n");
    case "entry":
      return entryText(r, t.group, t.entry, t.index);
    case "import": {
      const sf = r.program.byPath.get(t.target);
      if (!sf) return `**import** ${code(t.target)} — the file cannot be read`;
      const kinds = new Map<string, number>();
      for (const d of sf.ast.declarations) if (d.kind !== "Import") kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
      const what = [...kinds].map(([k, n]) => `${n} ${k.toLowerCase()}${n === 1 ? "" : "s"}`).join(", ");
      return `**import** ${code(t.target)}\n\nDeclares ${what || "nothing"}.`;
    }
    case "unresolved":
      return `${code(t.ref.name)} is not declared as a ${t.ref.expected.join(" or ")} in this plan or its imports.`;
  }
}

function declaredIn(file: string, from: string): string {
  return file === from ? "" : `*Declared in* ${code(nodePath.basename(file))}`;
}

function symbolText(r: Resolution, sym: Sym): string {
  const d = sym.decl;
  switch (d.kind) {
    case "Plan": {
      const out = [`**plan** ${code(sym.name)}${d.label.text ? ` — ${md(d.label.text.value)}` : ""}`];
      for (const s of d.settings) {
        if (s.key === "organisation" || s.key === "version") out.push(`${s.key}: ${md(s.text.value)}`);
        if (s.key === "purpose" && !s.lang) out.push(`*Purpose:* ${md(s.text.value)}`);
      }
      return out.join("\n\n");
    }
    case "Timepoint": {
      const order = r.timepointOrder.get(sym.name);
      const recorded = [...r.variables.values()].filter((v) => v.decl.timepoints.some((t) => t.text === sym.name)).map((v) => code(v.name));
      const out = [`**time point** ${code(sym.name)}${d.label.text ? ` — ${md(d.label.text.value)}` : ""}`];
      if (order !== undefined) out.push(`Time point ${order + 1} of ${r.timepoints.size}${d.when?.text ? `, ${md(d.when.text.value)}` : ""}.`);
      for (const def of writtenTexts(d.definition)) out.push(md(def.text.value));
      if (recorded.length) out.push(`*Recorded here:* ${recorded.join(", ")}`);
      return out.join("\n\n");
    }
    case "Valueset": {
      const out = [`**value set** ${code(sym.name)}${d.label.text ? ` — ${md(d.label.text.value)}` : ""}`];
      if (d.scale) out.push(`${d.scale.value}${d.direction ? `, better ${d.direction.value}` : ""}`);
      for (const def of writtenTexts(d.definition)) out.push(md(def.text.value));
      out.push(valueTable(d));
      const users = [...r.variables.values()].filter((v) => v.decl.type.kind === "valueset" && v.decl.type.valueset.text === sym.name).map((v) => code(v.name));
      if (users.length) out.push(`*Variables:* ${users.join(", ")}`);
      return out.join("\n\n");
    }
    case "Variable": {
      const out = [`**variable** ${code(sym.name)}${d.label.text ? ` — ${md(d.label.text.value)}` : ""}`];
      out.push(code(`: ${describeType(d.type)}${d.timepoints.length ? ` at ${d.timepoints.map((t) => t.text).join(", ")}` : ""}`));
      for (const def of writtenTexts(d.definition)) out.push(`${def.lang ? `*(${def.lang.text})* ` : ""}${md(def.text.value)}`);
      const facts: string[] = [];
      if (d.required) facts.push(d.required.value ? "required" : "optional");
      if (d.sensitive.length) facts.push(`sensitive: ${d.sensitive.map((s) => s.text).join(", ")}`);
      for (const c of d.classifications) facts.push(`${c.system.text}${c.version ? " " + c.version.value : ""} ${code(c.code.value)}`);
      if (d.reason?.text) facts.push(`reason: ${md(d.reason.text.value)}`);
      if (facts.length) out.push(facts.join(" · "));
      const vs = valuesetOf(r, d);
      if (vs)
        out.push(
          `Value set ${code(vs.name)}${vs.decl.label.text ? ` — ${md(vs.decl.label.text.value)}` : ""}${vs.decl.scale ? ` (${vs.decl.scale.value}${vs.decl.direction ? `, better ${vs.decl.direction.value}` : ""})` : ""}:\n\n${valueTable(vs.decl)}`,
        );
      if (d.timepoints.length) {
        const tps = d.timepoints.map((t) => {
          const tp = r.timepoints.get(t.text);
          return `${code(t.text)}${tp?.decl.label.text ? ` (${md(tp.decl.label.text.value)})` : ""}`;
        });
        out.push(`*Recorded at:* ${tps.join(", ")}`);
      }
      out.push(usedBy(r, sym.name));
      return out.join("\n\n");
    }
    case "Group": {
      const out = [`**group** ${code(sym.name)}${d.label.text ? ` — ${md(d.label.text.value)}` : ""}`];
      out.push(`from ${code(d.source.name.text + (d.source.timepoint ? ` at ${d.source.timepoint.text}` : ""))}`);
      out.push(d.entries.map((e, i) => `- ${code(e.name?.text ?? String(i + 1))} ${md(e.label.text.value)} = ${code(mapping(e))}`).join("\n"));
      out.push(usedBy(r, sym.name));
      return out.join("\n\n");
    }
    case "Question": {
      const src = r.program.byPath.get(sym.file)?.text ?? "";
      const slice = (x: A.Range) => src.slice(x.start.offset, x.end.offset).replace(/\s+/g, " ");
      const out = [`**question** ${code(sym.name)}${d.label.text ? ` — ${md(d.label.text.value)}` : ""}`];
      const lines = [...d.analyses.map((a) => slice(a.range)), ...d.splits.map((s) => "by " + slice(s.range)), ...d.where.map((w) => "where " + slice(w.range))];
      if (lines.length) out.push("```isu\n" + lines.join("\n") + "\n```");
      return out.join("\n\n");
    }
    default:
      return code(sym.name);
  }
}

function usedBy(r: Resolution, name: string): string {
  const qs = [...(facts(r).readers.get(name) ?? [])];
  return qs.length ? `*Used by:* ${qs.map(code).join(", ")}` : "*Used by no question.*";
}

function mapping(e: A.GroupEntry): string {
  return e.band ? describeRange(e.band) : e.values.map((v) => v.raw).join(", ");
}

function valueTable(vs: A.ValuesetDecl): string {
  const rows = vs.values.slice(0, MAX_VALUES).map((v) => `| ${code(v.code.value)} | ${md(v.label.text.value)} | ${valueMarkers(v)} |`);
  const more = vs.values.length > MAX_VALUES ? `\n\n… and ${vs.values.length - MAX_VALUES} more` : "";
  return rows.length ? `| code | label | |\n|---|---|---|\n${rows.join("\n")}${more}` : "*(no values)*";
}

function valueText(vs: Sym<A.ValuesetDecl>, v: A.ValueDecl): string {
  const marks = valueMarkers(v);
  const out = [
    `**value** ${code(v.code.value)} — ${md(v.label.text.value)}${marks ? ` *(${marks})*` : ""}`,
    `in value set ${code(vs.name)}${vs.decl.label.text ? ` — ${md(vs.decl.label.text.value)}` : ""}`,
  ];
  for (const def of writtenTexts(v.definition)) out.push(`${def.lang ? `*(${def.lang.text})* ` : ""}${md(def.text.value)}`);
  for (const tr of v.label.translations) out.push(`*${tr.lang.text}:* ${md(tr.text.value)}`);
  for (const c of v.classifications) out.push(`${c.system.text}${c.version ? " " + c.version.value : ""} ${code(c.code.value)}`);
  if (v.missing) out.push("Counted as missing in every analysis.");
  if (v.other) out.push("The form asks for a description when this value is chosen.");
  return out.join("\n\n");
}

function entryText(r: Resolution, g: Sym<A.GroupDecl>, e: A.GroupEntry, index: number): string {
  const src = g.decl.source.name.text;
  const vs = r.variables.get(src) ? valuesetOf(r, r.variables.get(src)!.decl) : undefined;
  const labels = vs
    ? e.values
        .map((x) => vs.decl.values.find((v) => v.code.value === x.raw))
        .filter((v): v is A.ValueDecl => !!v)
        .map((v) => `${code(v.code.value)} ${md(v.label.text.value)}`)
    : [];
  const out = [`**group entry** ${code(e.name?.text ?? String(index + 1))} — ${md(e.label.text.value)}`, `in group ${code(g.name)}, from ${code(src)}: ${code(mapping(e))}`];
  if (labels.length) out.push(labels.join(", "));
  return out.join("\n\n");
}
