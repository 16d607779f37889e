// ISU0003: files import each other in a circle.
import * as nodePath from "node:path";
import type { Program } from "../../semantics/program.js";
import type { Rule } from "../engine/rule.js";

/** The import path from one file to another (both included), shortest first. */
function importPath(program: Program, from: string, to: string): string[] {
  const previous = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const f = queue.shift()!;
    if (f === to) break;
    for (const next of program.imports.get(f) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, f);
      queue.push(next);
    }
  }
  if (from !== to && !previous.has(to)) return [from, to];
  const out = [to];
  while (out[0] !== from) out.unshift(previous.get(out[0]!)!);
  return out;
}

export const importCycle: Rule = {
  meta: {
    code: "ISU0003",
    name: "import-cycle",
    defaultSeverity: "error",
    description: "Files import each other in a circle.",
    configurable: false,
    docs: `A file imports a file that (directly or through others) imports it back. A circle has no first file, so no file can be read on its own: checking either file alone gives a different set of names. Move what the files share into a third file that both import, and remove the import that closes the circle.`,
  },
  check(ctx) {
    const program = ctx.resolution.program;
    const base = nodePath.dirname(program.root);
    const show = (p: string): string => nodePath.relative(base, p).split(nodePath.sep).join("/");
    for (const p of program.importProblems) {
      if (p.kind !== "cycle") continue;
      if (p.target === p.file) {
        ctx.report({ file: p.file, range: p.range, message: `'${show(p.file)}' imports itself`, hint: "remove this import: a file's own declarations are always in scope" });
        continue;
      }
      const circle = [...importPath(program, p.target, p.file), p.target].map(show);
      ctx.report({
        file: p.file,
        range: p.range,
        message: `import cycle: ${circle.join(" → ")}`,
        hint: `remove this import ('${show(p.target)}' already imports this file); put what both files need in a third file that both import`,
      });
    }
  },
};
