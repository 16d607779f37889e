// The ids of the published figures in the protection problem: one spelling
// for the problem and for publishing, so a hidden id finds its figure.
import type { GroupTable, RowKey, TrueTable } from "./types.js";

export type GroupFigure = "size" | "missing" | "n" | "mean" | "median" | "q1" | "q3";

export const groupRef = (t: TrueTable, g: GroupTable): string => `${t.id}|${g.members.map((m) => (m === null ? "-" : m)).join(",")}`;

export const groupFigureId = (t: TrueTable, g: GroupTable, what: GroupFigure): string => `${groupRef(t, g)}|${what}`;

function keyText(k: RowKey): string {
  if ("category" in k) return `category=${k.category}`;
  if ("row" in k) return `row=${k.row},column=${k.column}`;
  if ("from" in k) return `from=${k.from},to=${k.to}`;
  return `outcome=${k.outcome}`;
}

export const rowCountId = (t: TrueTable, g: GroupTable, k: RowKey): string => `${groupRef(t, g)}|${keyText(k)}`;
export const rowShareId = (t: TrueTable, g: GroupTable, k: RowKey): string => `${rowCountId(t, g, k)}|share`;

export const BASIS_TABLE = "isu_basis";
export const basisIndividualsId = `${BASIS_TABLE}|individuals`;
export const basisRegistrationsId = (tp: string): string => `${BASIS_TABLE}|registrations|${tp}`;
export const basisMissingId = (variable: string, tp: string): string => `${BASIS_TABLE}|missing|${variable}|${tp}`;
