// ISU0206: a numeric range that cannot be what was meant: its low end above its
// high end, decimals in an integer range, or a group band / condition range
// that lies wholly outside the variable's declared range.
import type * as A from "../../syntax/ast.js";
import type { Fix } from "../../syntax/diagnostic.js";
import type { Resolution } from "../../semantics/resolve.js";
import type { Rule } from "../engine/rule.js";
import { comparisons } from "../../semantics/time.js";

type Numeric = A.VariableDecl & { type: { kind: "integer" | "decimal"; bounds?: A.RangeLit } };

const text = (b: A.RangeLit): string => `${b.low?.raw ?? ""}..${b.high?.raw ?? ""}`;

function numericVariable(r: Resolution, name: string): Numeric | undefined {
  const v = r.variables.get(name)?.decl;
  return v && (v.type.kind === "integer" || v.type.kind === "decimal") ? (v as Numeric) : undefined;
}

function reversed(b: A.RangeLit): boolean {
  return !!b.low && !!b.high && b.low.value > b.high.value;
}

export const invalidRange: Rule = {
  meta: {
    code: "ISU0206",
    name: "invalid-range",
    defaultSeverity: "error",
    description: "A numeric range is empty, has decimals on an integer, or lies outside the variable's range.",
    docs: `Ranges are written low end first and include both ends (\`18..120\`; \`80..\` and \`..64\` are open). A range whose low end is above its high end holds no value. An \`integer\` variable's range, and the bands of groups formed from it, take whole numbers (\`..64\` then \`65..\`, not \`64.5\`). A group band or a condition range that lies wholly outside the variable's declared range can never hold a value, so the group entry stays empty or the condition never holds. Swap the ends (the fix does), use whole numbers, or correct the band or the variable's range.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const sf of r.program.files) {
      const file = sf.path;
      for (const d of sf.ast.declarations) {
        if (d.kind === "Variable" && (d.type.kind === "integer" || d.type.kind === "decimal") && d.type.bounds) {
          const b = d.type.bounds;
          if (reversed(b)) reportReversed(file, b, `the range ${text(b)} of '${d.name.text}'`);
          else if (d.type.kind === "integer") wholeNumbers(file, b, d.name.text);
        }
        if (d.kind === "Group") {
          const source = numericVariable(r, d.source.name.text);
          if (!source) continue;
          for (const e of d.entries) {
            if (!e.band) continue;
            const what = `band ${text(e.band)} of group '${d.name.text}'`;
            if (reversed(e.band)) reportReversed(file, e.band, what);
            else if (source.type.kind === "integer" && !wholeNumbers(file, e.band, source.name.text)) continue;
            else outside(file, e.band, source, what, "the group entry stays empty");
          }
        }
        const conditions = d.kind === "Variable" ? (d.condition ? [d.condition] : []) : d.kind === "Question" ? d.where : [];
        for (const cond of conditions) {
          for (const c of comparisons(cond)) {
            const subject = c.band && numericVariable(r, c.subject.name.text);
            if (!c.band || !subject) continue;
            const what = `the range ${text(c.band)} in this condition`;
            if (reversed(c.band)) reportReversed(file, c.band, what);
            else outside(file, c.band, subject, what, "the condition never holds");
          }
        }
      }
    }

    function reportReversed(file: string, b: A.RangeLit, what: string): void {
      const swapped = `${b.high!.raw}..${b.low!.raw}`;
      const fix: Fix = { title: `Change to ${swapped}`, preferred: true, edits: [{ file, range: b.range, newText: swapped }] };
      ctx.report({ file, range: b.range, message: `${what} is empty: its low end ${b.low!.raw} is above its high end ${b.high!.raw}`, hint: `write the low end first: ${swapped}`, fixes: [fix] });
    }

    /** Reports decimal ends on an integer; true when both ends are whole. */
    function wholeNumbers(file: string, b: A.RangeLit, variable: string): boolean {
      let ok = true;
      for (const [end, round] of [
        [b.low, Math.ceil],
        [b.high, Math.floor],
      ] as const) {
        // A literal too long to be finite is ISU0207's (number-out-of-range).
        if (!end || Number.isInteger(end.value) || !Number.isFinite(end.value)) continue;
        ok = false;
        const whole = String(round(end.value));
        ctx.report({
          file,
          range: end.range,
          message: `'${end.raw}' is not a whole number, but '${variable}' is an integer`,
          hint: `use ${whole} (integer ranges include both ends), or declare '${variable}' as decimal`,
          fixes: [{ title: `Change to ${whole}`, preferred: true, edits: [{ file, range: end.range, newText: whole }] }],
        });
      }
      return ok;
    }

    function outside(file: string, b: A.RangeLit, v: Numeric, what: string, consequence: string): void {
      const declared = v.type.bounds;
      if (!declared || reversed(declared)) return;
      const lo = b.low?.value ?? -Infinity;
      const hi = b.high?.value ?? Infinity;
      const dlo = declared.low?.value ?? -Infinity;
      const dhi = declared.high?.value ?? Infinity;
      if (hi >= dlo && lo <= dhi) return;
      ctx.report({
        file,
        range: b.range,
        message: `${what} lies outside the range ${text(declared)} of '${v.name.text}'`,
        hint: `no value of '${v.name.text}' can fall in it, so ${consequence}: correct the range, or widen the range of '${v.name.text}'`,
      });
    }
  },
};
