// ISU0007: a condition nested beyond MAX_CONDITION_NESTING levels of `not` and
// parentheses. The parser measures it on the tokens and leaves the deep part
// unread (grammar/nesting.ts), so nothing downstream overflows the stack.
import { MAX_CONDITION_NESTING } from "../../../grammar/nesting.js";
import type { Rule } from "../engine/rule.js";

export const nestingTooDeep: Rule = {
  meta: {
    code: "ISU0007",
    name: "nesting-too-deep",
    defaultSeverity: "error",
    description: `A condition nests deeper than ${MAX_CONDITION_NESTING} levels of 'not' and parentheses.`,
    configurable: false,
    docs: `Each \`not\` and each pair of parentheses in a \`where\` or \`when\` condition is a level of nesting. A condition may nest at most ${MAX_CONDITION_NESTING} levels deep: real conditions need two or three, and text nested thousands of levels deep (usually generated or pasted by mistake) would exhaust the tools' stack. The rest of such a condition is not read, so the checks and outputs cannot rely on it, and \`isu fmt\` leaves the file as it is. Write the condition flat: \`not not x\` is \`x\`, \`((a = 1))\` is \`a = 1\`, and \`and\`/\`or\` chains need no parentheses of their own.`,
  },
  check(ctx) {
    for (const sf of ctx.resolution.program.files) {
      for (const p of sf.syntax) {
        if (p.kind !== "nesting") continue;
        ctx.report({
          file: sf.path,
          range: p.range,
          message: p.message,
          hint: `remove redundant 'not' pairs and parentheses so the condition nests at most ${MAX_CONDITION_NESTING} levels`,
        });
      }
    }
  },
};
