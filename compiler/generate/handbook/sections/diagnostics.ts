// Section 10: the warnings and information the checker left open.
import { text, type Describer } from "../describe.js";
import { planFile, plainTable } from "../view-parts.js";
import type { HandbookView, Part } from "../view-types.js";

export function diagnosticsView(d: Describer): Omit<HandbookView["diagnostics"], "id" | "heading"> {
  const { model, s } = d;
  const D = s.diagnostics;
  const rows = model.openDiagnostics.map((x) => {
    const file = planFile(model, x.file);
    const message: Part[] = [text(d.plain(x.message))];
    if (x.hint) message.push(text(` — ${D.hint}: ${d.plain(x.hint)}`));
    return [[d.code(x.code)], [text(D.severities[x.severity] ?? x.severity)], message, [d.code(`${file}:${x.range.start.line}`)]];
  });
  return {
    intro: rows.length ? D.intro : null,
    table: rows.length ? plainTable(null, [D.code, D.severity, D.message, D.place], rows) : null,
    none: rows.length ? null : D.none,
  };
}
