// ISU0204: a value or comparison that does not fit what it is compared with:
// a code against a number variable, `<` on a choice, true/false on something
// that is not yes/no, a number against a value set whose codes are words.
import type * as A from "../../syntax/ast.js";
import type { Fix } from "../../syntax/diagnostic.js";
import { lookupMeasure, type Resolution } from "../../semantics/resolve.js";
import type { Rule, RuleContext } from "../engine/rule.js";
import { comparisons, type Comparison } from "../../semantics/time.js";

const ORDERED = new Set(["<", "<=", ">", ">="]);
const YES = new Set(["ja", "j", "yes", "y", "sant"]);
const NO = new Set(["nej", "n", "no", "falskt"]);

type Subject =
  | { kind: "number"; name: string }
  | { kind: "boolean"; name: string }
  | { kind: "text" | "date"; name: string }
  | { kind: "choice"; name: string; vs?: A.ValuesetDecl }
  | { kind: "group"; name: string; group: A.GroupDecl };

function subjectOf(r: Resolution, name: string): Subject | undefined {
  const sym = lookupMeasure(r, name);
  if (!sym) return undefined;
  if (sym.kind === "group") return { kind: "group", name, group: sym.decl as A.GroupDecl };
  const t = (sym.decl as A.VariableDecl).type;
  switch (t.kind) {
    case "integer":
    case "decimal":
      return { kind: "number", name };
    case "valueset": {
      const vs = r.valuesets.get(t.valueset.text)?.decl;
      return vs ? { kind: "choice", name, vs } : { kind: "choice", name };
    }
    default:
      return { kind: t.kind, name };
  }
}

const wordCoded = (vs: A.ValuesetDecl): boolean => vs.values.length > 0 && vs.values.every((v) => v.code.kind === "code");
const codeList = (vs: A.ValuesetDecl): string => vs.values.map((v) => `'${v.code.value}'`).join(", ");
const isNumber = (v: A.ValueLit): boolean => v.kind === "number";

function describe(s: Subject): string {
  switch (s.kind) {
    case "number":
      return `'${s.name}' is a number`;
    case "boolean":
      return `'${s.name}' is a yes/no variable`;
    case "text":
      return `'${s.name}' is free text`;
    case "date":
      return `'${s.name}' is a date`;
    case "choice":
      return s.vs ? `'${s.name}' takes the codes of value set '${s.vs.name.text}'` : `'${s.name}' is a choice`;
    case "group":
      return `'${s.name}' is a group`;
  }
}

function checkComparison(ctx: RuleContext, r: Resolution, file: string, c: Comparison): void {
  const s = subjectOf(r, c.subject.name.text);
  if (!s) return;
  const ordered = ORDERED.has(c.op) || (c.op === "in" && !!c.band);
  const opText = c.op === "in" ? "a range" : `'${c.op}'`;
  const subjectText = ctx.source(file).text.slice(c.subject.range.start.offset, c.subject.range.end.offset);

  if (s.kind === "text" || s.kind === "date") {
    ctx.report({ file, range: c.range, message: `${describe(s)}; a condition cannot compare it`, hint: "put the condition on a choice, number or yes/no variable instead" });
    return;
  }
  if (ordered && (s.kind === "boolean" || s.kind === "choice" || s.kind === "group")) {
    reportOrdered(s);
    return;
  }
  for (const v of c.values) {
    if (s.kind === "number" && v.kind !== "number") {
      const group = v.kind === "code" ? [...r.groups.values()].find((g) => g.decl.source.name.text === s.name && g.decl.entries.some((e) => e.name?.text === v.raw)) : undefined;
      ctx.report({
        file,
        range: v.range,
        message: `'${v.raw}' is ${v.kind === "code" ? "a code" : "true/false"}, but ${describe(s)}`,
        hint: group
          ? `did you mean group '${group.name}' (\`${group.name} = ${v.raw}\`)?`
          : `compare with a number (\`${subjectText} >= 65\`), or form a group from '${s.name}' and compare its entries`,
        ...(group ? { fixes: [{ title: `Compare group '${group.name}'`, preferred: true, edits: [{ file, range: c.subject.name.range, newText: group.name }] }] } : {}),
      });
    } else if (s.kind === "boolean" && v.kind !== "boolean") {
      const word = v.raw.toLowerCase();
      const meant = YES.has(word) || v.raw === "1" ? "true" : NO.has(word) || v.raw === "0" ? "false" : undefined;
      ctx.report({
        file,
        range: v.range,
        message: `'${v.raw}' is not true or false, but ${describe(s)}`,
        hint: meant ? `did you mean '${meant}'?` : `compare with true or false: \`${subjectText} = true\``,
        ...(meant ? { fixes: [{ title: `Change to '${meant}'`, preferred: true, edits: [{ file, range: v.range, newText: meant }] }] } : {}),
      });
    } else if ((s.kind === "choice" || s.kind === "group") && v.kind === "boolean") {
      ctx.report({
        file,
        range: v.range,
        message: `'${v.raw}' is true/false, but ${describe(s)}`,
        hint: s.kind === "choice" && s.vs ? `use one of its codes: ${codeList(s.vs)}` : "use one of the group's entry names",
      });
    } else if (s.kind === "choice" && s.vs && isNumber(v) && wordCoded(s.vs)) {
      ctx.report({ file, range: v.range, message: `'${v.raw}' is a number, but value set '${s.vs.name.text}' has word codes`, hint: `use one of its codes: ${codeList(s.vs)}` });
    } else if (s.kind === "group" && isNumber(v) && s.group.entries.length > 0 && s.group.entries.every((e) => e.name)) {
      ctx.report({
        file,
        range: v.range,
        message: `'${v.raw}' is a number, but group '${s.name}' names its entries`,
        hint: `use an entry name: ${s.group.entries.map((e) => `'${e.name!.text}'`).join(", ")}`,
      });
    }
  }

  function reportOrdered(s: Exclude<Subject, { kind: "number" | "text" | "date" }>): void {
    let hint: string;
    const fixes: Fix[] = [];
    if (s.kind === "boolean") {
      hint = `compare with = true or = false: \`${subjectText} = true\``;
    } else if (s.kind === "group") {
      const source = r.variables.get(s.group.source.name.text);
      const numeric = source && (source.decl.type.kind === "integer" || source.decl.type.kind === "decimal");
      if (numeric) {
        hint = `compare the variable the group is formed from: \`${source.name}${ctx.source(file).text.slice(c.subject.name.range.end.offset, c.range.end.offset)}\``;
        fixes.push({ title: `Compare '${source.name}' instead`, preferred: true, edits: [{ file, range: c.subject.name.range, newText: source.name }] });
      } else {
        hint = `compare with = or in (…) and the group's entry names`;
      }
    } else if (s.vs && s.vs.scale?.value === "ordinal" && s.vs.values.every((v) => v.code.kind === "number")) {
      // On an ordinal scale with number codes the intent is clear; list the scale values it means, never the missing codes.
      const holds = (n: number): boolean => {
        if (c.op === "in") return (c.band!.low === undefined || n >= c.band!.low.value) && (c.band!.high === undefined || n <= c.band!.high.value);
        const x = c.values[0]?.kind === "number" ? (c.values[0] as { value: number }).value : NaN;
        return c.op === "<" ? n < x : c.op === "<=" ? n <= x : c.op === ">" ? n > x : n >= x;
      };
      const codes = s.vs.values.filter((v) => !v.missing && holds(Number(v.code.value))).map((v) => v.code.value);
      const missing = s.vs.values.filter((v) => v.missing).map((v) => v.code.value);
      const note = missing.length ? ` (the missing-value codes ${missing.join(", ")} are not scale values)` : "";
      if (codes.length) {
        const replacement = `${subjectText} in (${codes.join(", ")})`;
        hint = `list the values: \`${replacement}\`${note}`;
        fixes.push({ title: `Change to '${replacement}'`, preferred: true, edits: [{ file, range: c.range, newText: replacement }] });
      } else {
        hint = `no scale value of '${s.vs.name.text}' satisfies it; list the values meant with in (…)`;
      }
    } else {
      hint = s.vs
        ? `compare with = or in (…): \`${subjectText} in (${s.vs.values
            .slice(0, 2)
            .map((v) => v.code.value)
            .join(", ")})\``
        : "compare with = or in (…)";
    }
    ctx.report({ file, range: c.range, message: `${opText} compares numbers, but ${describe(s)}`, hint, ...(fixes.length ? { fixes } : {}) });
  }
}

export const valueTypeMismatch: Rule = {
  meta: {
    code: "ISU0204",
    name: "value-type-mismatch",
    defaultSeverity: "error",
    description: "A value or comparison does not fit the type of what it is compared with.",
    docs: `A condition or group mapping compares things of different kinds: a code with a number variable (\`alder = vuxen\`), \`<\`, \`>\` or a range with a choice or a group (value set codes have no arithmetic order; on an ordinal scale \`>= 3\` would also take in the missing-value codes 8 and 9), \`true\`/\`false\` with something that is not yes/no, or a number with a value set whose codes are words. Such a condition can never hold as meant. Compare a number variable with numbers, a choice with its codes using \`=\` or \`in (…)\`, a yes/no variable with \`true\` or \`false\`, and a group with its entry names. The fix lists the scale values for an ordinal comparison, or switches a group to the number it is formed from.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const sf of r.program.files) {
      for (const d of sf.ast.declarations) {
        const conditions = d.kind === "Variable" ? (d.condition ? [d.condition] : []) : d.kind === "Question" ? d.where : [];
        for (const cond of conditions) for (const c of comparisons(cond)) checkComparison(ctx, r, sf.path, c);
        if (d.kind === "Group") checkGroupValues(ctx, r, sf.path, d);
      }
    }
  },
};

/** Group mappings from a value set: the listed values must be its codes (codes that are merely unknown are ISU0201's). */
function checkGroupValues(ctx: RuleContext, r: Resolution, file: string, g: A.GroupDecl): void {
  const s = subjectOf(r, g.source.name.text);
  // Groups from multiple choice are ISU0504's concern.
  const source = r.variables.get(g.source.name.text)?.decl;
  if (!s || s.kind !== "choice" || !s.vs || (source?.type.kind === "valueset" && source.type.multiple)) return;
  for (const e of g.entries) {
    for (const v of e.values) {
      if (v.kind === "boolean") ctx.report({ file, range: v.range, message: `'${v.raw}' is true/false, but ${describe(s)}`, hint: `use one of its codes: ${codeList(s.vs)}` });
      else if (v.kind === "number" && wordCoded(s.vs))
        ctx.report({ file, range: v.range, message: `'${v.raw}' is a number, but value set '${s.vs.name.text}' has word codes`, hint: `use one of its codes: ${codeList(s.vs)}` });
    }
  }
}
