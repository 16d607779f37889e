// ISU0006: a bidirectional embedding, override or isolate in a text or a
// comment ("Trojan Source": the text shows in another order than it is read).
// A warning, since right-to-left script may need one; between tokens the
// lexer cannot read it at all, and ISU0001 names it.
import { BIDI_CHARS, describeChar, findHidden } from "../../syntax/hidden-chars.js";
import type { Rule } from "../engine/rule.js";
import { rangeAt } from "../../syntax/source.js";

export const bidiControl: Rule = {
  meta: {
    code: "ISU0006",
    name: "bidi-control",
    defaultSeverity: "warning",
    description: "A text or comment holds a bidirectional control character, which makes it display in another order than it reads.",
    docs: `The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are invisible and reorder how the text around them is shown, so a comment or a label can look different in an editor, a terminal or the handbook from what the tools read ("Trojan Source"). The message names the character by its code point and points at it. Delete it (the quick fix does) unless a right-to-left text really needs it; then turn the warning off with \`rule bidi-control off\`. Between tokens such a character is a syntax error (ISU0001).`,
  },
  check(ctx) {
    for (const sf of ctx.resolution.program.files) {
      for (const h of findHidden(sf.text, BIDI_CHARS)) {
        if (h.place === "between") continue; // ISU0001
        const range = rangeAt(sf.lineStarts, h.offset, h.offset + 1);
        ctx.report({
          file: sf.path,
          range,
          message: `bidirectional control ${describeChar(h.ch)} ${h.place === "comment" ? "in a comment" : "in a text"}: what follows may display in another order than it reads`,
          hint: "delete the invisible character unless a right-to-left text needs it",
          fixes: [{ title: `Delete ${describeChar(h.ch)}`, edits: [{ file: sf.path, range, newText: "" }], preferred: true }],
        });
      }
    }
  },
};
