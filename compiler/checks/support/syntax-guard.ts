// Checks that report something *missing* (a definition, an `other` value, a
// use of a variable) stay quiet where the parser had to skip text: the missing
// part may be exactly what it skipped, and the syntax error already says so.
import type { Range } from "../../syntax/ast.js";
import type { Resolution } from "../../semantics/resolve.js";

/** Whether the parser skipped or could not read text in `file` (within `range`, when given). */
export function hasSyntaxProblem(r: Resolution, file: string, range?: Range): boolean {
  const sf = r.program.byPath.get(file);
  if (!sf) return false;
  if (!range) return sf.syntax.length > 0;
  return sf.syntax.some((p) => p.range.start.offset < range.end.offset && p.range.end.offset >= range.start.offset);
}

/** Whether any file of the program has a syntax problem. */
export function programHasSyntaxProblem(r: Resolution): boolean {
  return r.program.files.some((f) => f.syntax.length > 0);
}
