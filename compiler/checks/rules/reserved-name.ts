// ISU0105: a name that the generated database would need for something else,
// or that makes a generated table name longer than the strictest dialect
// keeps (the limits are the dialect files' maxIdentifierBytes).
import type { Rule } from "../engine/rule.js";
import { choiceTable, INDIVID_KEY, INDIVID_TABLE, lookupTable, PLAN_TABLE, registrationTable, REGISTERED_DATE } from "../../sql/storage.js";
import { STRICTEST_IDENTIFIER_LIMIT } from "../../sql/dialects/index.js";

/** Column names every registration table already has. */
const RESERVED_VARIABLES = new Set([INDIVID_KEY, REGISTERED_DATE, INDIVID_TABLE, PLAN_TABLE]);
/** Longer names do not survive in every database (PostgreSQL cuts them silently). */
const MAX_BYTES = STRICTEST_IDENTIFIER_LIMIT?.bytes ?? Infinity;
const STRICTEST = STRICTEST_IDENTIFIER_LIMIT?.dialect.title ?? "no database";

export const reservedName: Rule = {
  meta: {
    code: "ISU0105",
    name: "reserved-name",
    defaultSeverity: "error",
    description: "A name collides with a column the generated database needs, or makes a table name too long.",
    docs: `Every registration table has the columns \`${INDIVID_KEY}\` (the pseudonymous key) and \`${REGISTERED_DATE}\`, so no variable may carry those names. Generated table names are built from the plan's names — \`${registrationTable("<timepoint>")}\`, \`${lookupTable("<valueset>")}\` and \`${choiceTable("<timepoint>", "<variable>")}\` for multiple choice — and ${STRICTEST} silently cuts identifiers after ${MAX_BYTES} bytes, which can make two tables one. Rename the variable, or shorten the time point, value set or variable name.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const v of r.variables.values()) {
      if (RESERVED_VARIABLES.has(v.name)) {
        ctx.report({
          file: v.file,
          range: v.decl.name.range,
          message: `variable '${v.name}' has a name the generated database uses for its own column or table`,
          hint: `rename it, e.g. '${v.name}_varde'`,
        });
        continue;
      }
      if (v.decl.type.kind === "valueset" && v.decl.type.multiple) {
        for (const tp of v.decl.timepoints) {
          const table = choiceTable(tp.text, v.name);
          if (Buffer.byteLength(table) > MAX_BYTES) {
            ctx.report({
              file: v.file,
              range: v.decl.name.range,
              message: `variable '${v.name}' at '${tp.text}' needs the table '${table}', ${Buffer.byteLength(table)} bytes long; ${STRICTEST} keeps ${MAX_BYTES}`,
              hint: `shorten the variable or time point name by ${Buffer.byteLength(table) - MAX_BYTES} characters`,
            });
            break;
          }
        }
      }
    }
    const long = (kind: string, name: string, table: string, file: string, range: import("../../syntax/ast.js").Range) => {
      if (Buffer.byteLength(table) <= MAX_BYTES) return;
      ctx.report({
        file,
        range,
        message: `${kind} '${name}' needs the table '${table}', ${Buffer.byteLength(table)} bytes long; ${STRICTEST} keeps ${MAX_BYTES}`,
        hint: `shorten the name by ${Buffer.byteLength(table) - MAX_BYTES} characters`,
      });
    };
    for (const t of r.timepoints.values()) long("time point", t.name, registrationTable(t.name), t.file, t.decl.name.range);
    for (const s of r.valuesets.values()) long("value set", s.name, lookupTable(s.name), s.file, s.decl.name.range);
  },
};
