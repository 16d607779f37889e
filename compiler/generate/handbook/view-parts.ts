// Small building blocks the section builders share.
import * as nodePath from "node:path";
import type { PlanModel } from "../../model/index.js";
import { anchor, type Describer } from "./describe.js";
import type { FactRow, Part, TableView } from "./view-types.js";

export const fact = (key: string, value: Part[]): FactRow => ({ key, value });

/** A reference table (no figures): header and rows of parts. */
export const plainTable = (caption: string | null, header: string[], rows: Part[][][], notes: string[] = []): TableView => ({
  cls: null,
  caption,
  query: null,
  header,
  rows: rows.map((cells) => ({ cells: cells.map((value) => ({ value, cls: null })), cls: null })),
  notes,
});

/** A file of the plan relative to the root plan's folder: the handbook should not reveal where an author keeps files. */
export function planFile(model: PlanModel, file: string): string {
  const root = model.files[model.files.length - 1];
  const base = root ? nodePath.dirname(root) : nodePath.dirname(file);
  return nodePath.relative(base, file) || nodePath.basename(file);
}

export function questionLinks(d: Describer, names: string[]): Part[] {
  const byName = new Map(d.model.questions.map((q, i) => [q.name, { q, i }]));
  return d.joined(
    names
      .map((n) => byName.get(n))
      .filter((x): x is NonNullable<typeof x> => !!x)
      .sort((a, b) => a.i - b.i)
      .map(({ q, i }) => d.link(`${d.s.questions.question(i + 1)}. ${d.label(q.label)}`, anchor.question(q.name))),
    "; ",
  );
}
