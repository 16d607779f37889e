// ISU0005: a control character anywhere in the text (CONTROL_CHARS in
// hidden-chars.ts). Invisible in editors, it would reach every output (a NUL
// truncates texts in C-based tools, an ESC drives terminals), so it is an
// error a plan may not lower, and the fix deletes the character.
import { describeChar, CONTROL_CHARS, findHidden, type Place } from "../../syntax/hidden-chars.js";
import type { Rule } from "../engine/rule.js";
import { rangeAt } from "../../syntax/source.js";

const WHERE: Record<Place, string> = { string: "in a text", triple: "in a text", comment: "in a comment", between: "between tokens" };

export const controlCharacter: Rule = {
  meta: {
    code: "ISU0005",
    name: "control-character",
    defaultSeverity: "error",
    description: "A control character (NUL, ESC, DEL, a C1 control, a Unicode line or paragraph separator) stands in the plan.",
    configurable: false,
    docs: `A plan may not contain control characters: the C0 controls (U+0000–U+001F) except tab, line feed and carriage return, DEL (U+007F), the C1 controls (U+0080–U+009F) and the Unicode line and paragraph separators (U+2028, U+2029). They are invisible in most editors, so the plan would not read as it means: a NUL cuts a label short in some databases and tools, an ESC in a label can drive the terminal of whoever prints it, and U+2028 is a line end to some programs and not to others. This holds inside texts in quotes, in comments and between tokens alike; the message names the character by its code point and points at it. Delete the character (the quick fix does). In a \`"…"\` text write a tab as \`\\t\` and a line break as \`\\n\`; in a \`"""…"""\` text use an ordinary line break.`,
  },
  check(ctx) {
    for (const sf of ctx.resolution.program.files) {
      for (const h of findHidden(sf.text, CONTROL_CHARS)) {
        const range = rangeAt(sf.lineStarts, h.offset, h.offset + 1);
        const separator = h.ch === "\u2028" || h.ch === "\u2029";
        ctx.report({
          file: sf.path,
          range,
          message: `control character ${describeChar(h.ch)} ${WHERE[h.place]}`,
          hint: separator
            ? h.place === "string"
              ? "delete it, or write a line break as \\n"
              : "replace it with an ordinary line break"
            : h.place === "string"
              ? "delete the invisible character; write a tab as \\t and a line break as \\n"
              : "delete the invisible character",
          fixes: [{ title: `Delete ${describeChar(h.ch)}`, edits: [{ file: sf.path, range, newText: "" }], preferred: true }],
        });
      }
    }
  },
};
