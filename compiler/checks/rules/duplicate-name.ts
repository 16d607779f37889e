// ISU0103: two declarations of one name in one namespace (time points, value
// sets, questions; variables and groups together, since both stand after `by`).
import * as nodePath from "node:path";
import type * as A from "../../syntax/ast.js";
import type { Rule } from "../engine/rule.js";
import { KIND_WORDS } from "../../semantics/kind-words.js";

export const duplicateName: Rule = {
  meta: {
    code: "ISU0103",
    name: "duplicate-name",
    defaultSeverity: "error",
    description: "Two declarations share a name.",
    docs: `Every time point, value set, variable, group and question needs a name of its own: names become column, table and query names, and every reference must point to one declaration. Variables and groups share one namespace, because both can stand after \`by\`. The first declaration wins and the later one is reported (also when it comes from an imported file). Rename one of them, or remove the copy.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const base = nodePath.dirname(r.program.root);
    for (const { sym, first } of r.duplicates) {
      const where =
        first.file === sym.file ? `on line ${first.decl.range.start.line}` : `in ${nodePath.relative(base, first.file).split(nodePath.sep).join("/")} on line ${first.decl.range.start.line}`;
      const same = sym.kind === first.kind;
      ctx.report({
        file: sym.file,
        range: (sym.decl as A.TimepointDecl).name.range,
        message: same
          ? `${KIND_WORDS[sym.kind]} '${sym.name}' is declared twice (first ${where})`
          : `${KIND_WORDS[sym.kind]} '${sym.name}' has the same name as ${KIND_WORDS[first.kind]} '${first.name}' (declared ${where}); variables and groups share one namespace`,
        hint: same ? `rename this ${KIND_WORDS[sym.kind]}, or remove it if it is a copy` : `rename the ${KIND_WORDS[sym.kind]} or the ${KIND_WORDS[first.kind]}`,
      });
    }
  },
};
