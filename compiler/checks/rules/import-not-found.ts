// ISU0002: an `import` names a file that cannot be read.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { Rule } from "../engine/rule.js";
import { closest } from "../support/suggest.js";

/** .isu files next to the missing one: the program's own files, and what the disk holds there. */
function siblings(dir: string, programFiles: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const p of programFiles) if (nodePath.dirname(p) === dir) out.add(nodePath.basename(p));
  try {
    for (const f of fs.readdirSync(dir)) if (f.toLowerCase().endsWith(".isu")) out.add(f);
  } catch {
    // No such folder (or not on disk at all, as in an editor's unsaved buffers): nothing to suggest.
  }
  return [...out];
}

export const importNotFound: Rule = {
  meta: {
    code: "ISU0002",
    name: "import-not-found",
    defaultSeverity: "error",
    description: "An imported file does not exist or cannot be read.",
    configurable: false,
    docs: `An \`import "…"\` names a file that does not exist or cannot be read (a folder, a named pipe or device, a file without read permission), so nothing it declares is in scope; the message says which. The path is relative to the file that holds the \`import\`, and \`.isu\` may be left out (\`import "./gemensamt"\`). Correct the path (the hint suggests a file with a similar name in the same folder when there is one) or create the file.`,
  },
  check(ctx) {
    const program = ctx.resolution.program;
    for (const p of program.importProblems) {
      if (p.kind !== "not-found") continue;
      if (p.reason) {
        // The file is there but cannot be read: a suggestion of another name would mislead.
        const shownPath = nodePath.relative(nodePath.dirname(p.file), p.target).split(nodePath.sep).join("/");
        ctx.report({
          file: p.file,
          range: p.range,
          message: `imported file '${p.spec}' cannot be read: ${p.reason}`,
          hint: `'${shownPath}' exists but is not a readable plan file; import a regular .isu file (make it readable, or correct the path if it names something else)`,
        });
        continue;
      }
      const shown = nodePath.relative(nodePath.dirname(p.file), p.target).split(nodePath.sep).join("/");
      const wanted = nodePath.basename(p.target);
      const guess = closest(
        wanted.replace(/\.isu$/i, ""),
        siblings(nodePath.dirname(p.target), program.byPath.keys()).map((f) => f.replace(/\.isu$/i, "")),
      );
      const slash = p.spec.lastIndexOf("/");
      const newSpec = guess === undefined ? undefined : p.spec.slice(0, slash + 1) + guess + (/\.isu$/i.test(p.spec) ? ".isu" : "");
      ctx.report({
        file: p.file,
        range: p.range,
        message: `imported file '${p.spec}' not found`,
        hint: newSpec ? `did you mean '${newSpec}'?` : `there is no file '${shown}' next to this file; correct the path (it is relative to this file) or create the file`,
        ...(newSpec ? { fixes: [{ title: `Import '${newSpec}'`, preferred: true, edits: [{ file: p.file, range: p.range, newText: JSON.stringify(newSpec) }] }] } : {}),
      });
    }
  },
};
