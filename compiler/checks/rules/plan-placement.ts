// ISU0004: a program has one plan block, in the file that is checked (the root);
// imported files are modules that only declare things for plans to use.
import * as nodePath from "node:path";
import type * as A from "../../syntax/ast.js";
import type { Rule } from "../engine/rule.js";

export const planPlacement: Rule = {
  meta: {
    code: "ISU0004",
    name: "plan-placement",
    defaultSeverity: "error",
    description: "A file declares more than one plan, or an imported file declares a plan.",
    docs: `A plan's settings (purpose, language, \`min_cell\`, rule severities) belong to exactly one plan, and the generated form, database and handbook are built for that plan. So a program has one \`plan\` block, in the file that is checked; a file that other plans \`import\` is a module and declares only time points, value sets, variables, groups and questions. Remove the extra \`plan\` block, or split the shared declarations into a module without a plan and import that.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const program = r.program;
    const rootPlans = r.plans.filter((p) => p.file === program.root);
    const first = rootPlans[0];
    for (const extra of rootPlans.slice(1)) {
      ctx.report({
        file: extra.file,
        range: extra.decl.name.range,
        message: `a second plan '${extra.name}' in this file; a file declares at most one plan (the first is '${first!.name}' on line ${first!.decl.name.range.start.line})`,
        hint: `remove this plan block, or move plan '${extra.name}' into a file of its own`,
      });
    }
    // A plan in an imported file: reported where it is imported, since the file itself is a valid plan when checked alone.
    const planIn = new Map<string, string>();
    for (const p of r.plans) if (p.file !== program.root && !planIn.has(p.file)) planIn.set(p.file, p.name);
    if (planIn.size === 0) return;
    for (const sf of program.files) {
      const imports = sf.ast.declarations.filter((d): d is A.ImportDecl => d.kind === "Import");
      const targets = program.imports.get(sf.path) ?? [];
      imports.forEach((imp, i) => {
        const target = targets[i];
        const plan = target === undefined ? undefined : planIn.get(target);
        if (plan === undefined) return;
        const shown = nodePath.relative(nodePath.dirname(sf.path), target!).split(nodePath.sep).join("/");
        ctx.report({
          file: sf.path,
          range: imp.path.range,
          message: `imported file '${shown}' declares plan '${plan}'; only the checked file may declare a plan`,
          hint: `import a module without a plan block: move what '${shown}' shares with other plans into such a file and import that instead`,
        });
      });
    }
  },
};
