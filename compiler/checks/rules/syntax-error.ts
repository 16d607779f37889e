// ISU0001: the text does not follow the grammar. At most one error a line, so
// one broken line gives one clear message; the parser recovers and goes on.
import type { Rule } from "../engine/rule.js";

export const syntaxError: Rule = {
  meta: {
    code: "ISU0001",
    name: "syntax-error",
    defaultSeverity: "error",
    description: "The text does not follow the grammar of the .isu language.",
    configurable: false,
    docs: `The parser could not read the text at this place: a keyword, a name, a text in quotes or a brace is missing or extra. The parser recovers at the next declaration or setting, so the rest of the file is still checked; one broken line gives one error. Unterminated texts (\`"…\` without its closing quote) and unknown characters are reported here too.`,
  },
  check(ctx) {
    for (const sf of ctx.resolution.program.files) {
      let lastLine = -1;
      for (const p of sf.syntax) {
        if (p.kind === "nesting" || p.kind === "control") continue; // ISU0007, ISU0005
        if (p.range.start.line === lastLine) continue;
        lastLine = p.range.start.line;
        ctx.report({
          file: sf.path,
          range: p.range,
          message: p.message,
          hint: p.kind === "lex" ? "remove the character or close the text or comment" : "see docs/language.md for what may stand here",
        });
      }
    }
  },
};
