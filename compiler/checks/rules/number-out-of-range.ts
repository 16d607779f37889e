// ISU0207: a number the outputs cannot hold exactly. Integer codes, integer
// bounds and counts go into 32-bit `integer` columns; decimal bounds into
// decimal(18,4) columns, REAL and JSON numbers. A literal beyond them would
// overflow a column, be rounded (beyond 2^53) or become Infinity (hundreds of
// digits) in the generated SQL and JSON, so it is caught here, on its text.
import type * as A from "../../syntax/ast.js";
import { DECIMAL_FRACTION_DIGITS, DECIMAL_INTEGER_DIGITS, DECIMAL_MAX, fitsDecimal, fitsInteger, INTEGER_MAX, INTEGER_MIN } from "../../vocabulary/numbers.js";
import { lookupMeasure, type Resolution } from "../../semantics/resolve.js";
import type { Rule } from "../engine/rule.js";
import { comparisons } from "../../semantics/time.js";

type Kind = "integer" | "decimal";
type What = "code" | "min_cell" | "expected" | "the bound" | "the band end" | "the value" | "the range end" | "the number";

const ADVICE: Record<What, string> = {
  code: " (codes are labels, such as 1, 2 and 99)",
  min_cell: " (the smallest count a table may show, e.g. 5)",
  expected: " (the number of individuals the follow-up expects)",
  "the bound": ", or leave that end of the range open (e.g. '0..')",
  "the band end": ", or leave that end of the band open (e.g. '80..')",
  "the value": "",
  "the range end": ", or leave that end of the range open (e.g. '80..')",
  "the number": " (no value of the variable can lie beyond it)",
};

const shown = (raw: string): string => (raw.length > 40 ? `${raw.slice(0, 20)}…${raw.slice(-8)} (${raw.replace(/\D/g, "").length} digits)` : raw);

/** What a decimal literal has too much of. */
function decimalExcess(raw: string): string {
  const [whole = "", fraction = ""] = raw.replace(/^-/, "").split(".");
  const w = whole.replace(/^0+/, "").length;
  const f = fraction.replace(/0+$/, "").length;
  return w > DECIMAL_INTEGER_DIGITS ? `${w} digits before the decimal point` : `${f} decimals`;
}

/** The numeric kind of a variable (or a group's source variable), if it is numeric. */
function numericKind(r: Resolution, name: string, seen = new Set<string>()): Kind | undefined {
  const sym = lookupMeasure(r, name);
  if (!sym || seen.has(name)) return undefined;
  seen.add(name);
  if (sym.kind === "group") return numericKind(r, (sym.decl as A.GroupDecl).source.name.text, seen);
  const k = (sym.decl as A.VariableDecl).type.kind;
  return k === "integer" || k === "decimal" ? k : undefined;
}

export const numberOutOfRange: Rule = {
  meta: {
    code: "ISU0207",
    name: "number-out-of-range",
    defaultSeverity: "error",
    description: "A number is larger (or longer) than the generated database columns and JSON can hold exactly.",
    configurable: false,
    docs: `Every number of a plan ends up in the generated outputs, which hold only so much. Number codes of value sets, the bounds of \`integer\` variables (and the bands and conditions on them), \`min_cell\` and \`expected\` are stored in or compared with \`integer\` columns, so they lie between ${INTEGER_MIN} and ${INTEGER_MAX} (the 32-bit range of PostgreSQL's \`integer\` and SQL Server's \`int\`). The bounds of \`decimal\` variables (and the bands and conditions on them) have at most ${DECIMAL_INTEGER_DIGITS} digits before the decimal point and ${DECIMAL_FRACTION_DIGITS} after (up to ±${DECIMAL_MAX}): SQL Server's \`decimal(18,4)\` keeps ${DECIMAL_FRACTION_DIGITS} decimals, and within that size SQLite's \`REAL\` and JSON numbers hold each value exactly. A larger number would overflow a column, be rounded, or become \`Infinity\` in the SQL and \`null\` in form.json. Use a smaller number: codes are labels, not quantities (\`1\`, \`2\`, \`99\`), and a bound beyond any real value can be left open (\`0..\`).`,
  },
  check(ctx) {
    const r = ctx.resolution;

    function check(file: string, raw: string, range: A.Range, kind: Kind, what: What): void {
      if (kind === "integer" ? fitsInteger(raw) : fitsDecimal(raw)) return;
      ctx.report({
        file,
        range,
        message:
          kind === "integer"
            ? `${what} ${shown(raw)} is outside the integer range ${INTEGER_MIN}..${INTEGER_MAX} that the generated columns hold`
            : `${what} ${shown(raw)} has ${decimalExcess(raw)}, more than the generated decimal columns hold exactly (at most ${DECIMAL_INTEGER_DIGITS} digits before the point and ${DECIMAL_FRACTION_DIGITS} after it: ±${DECIMAL_MAX})`,
        hint:
          kind === "integer"
            ? `use a number between ${INTEGER_MIN} and ${INTEGER_MAX}${ADVICE[what]}`
            : `use at most ${DECIMAL_INTEGER_DIGITS} digits before the point and ${DECIMAL_FRACTION_DIGITS} after it${ADVICE[what]}`,
      });
    }

    function band(file: string, b: A.RangeLit | undefined, kind: Kind, what: What): void {
      for (const end of [b?.low, b?.high]) if (end) check(file, end.raw, end.range, kind, what);
    }

    for (const sf of r.program.files) {
      const file = sf.path;
      for (const d of sf.ast.declarations) {
        if (d.kind === "Plan") {
          for (const s of d.settings) if (s.key === "min_cell" || s.key === "expected") check(file, s.number.raw, s.number.range, "integer", s.key);
        }
        if (d.kind === "Valueset") {
          // Decimal codes make the value set's codes texts; integer codes go into an integer column.
          for (const v of d.values) if (v.code.kind === "number" && !v.code.value.includes(".")) check(file, v.code.value, v.code.range, "integer", "code");
        }
        if (d.kind === "Variable" && (d.type.kind === "integer" || d.type.kind === "decimal")) band(file, d.type.bounds, d.type.kind, "the bound");
        if (d.kind === "Group") {
          const kind = numericKind(r, d.source.name.text);
          if (!kind) continue; // bands of a value set's codes name codes, checked where they are declared
          for (const e of d.entries) {
            band(file, e.band, kind, "the band end");
            for (const v of e.values) if (v.kind === "number") check(file, v.raw, v.range, kind, "the value");
          }
        }
        const conditions = d.kind === "Variable" ? (d.condition ? [d.condition] : []) : d.kind === "Question" ? d.where : [];
        for (const cond of conditions) {
          for (const c of comparisons(cond)) {
            const kind = numericKind(r, c.subject.name.text);
            if (!kind) continue; // a code of a value set, or a type mismatch (ISU0204)
            band(file, c.band, kind, "the range end");
            for (const v of c.values) if (v.kind === "number") check(file, v.raw, v.range, kind, "the number");
          }
        }
      }
    }
  },
};
