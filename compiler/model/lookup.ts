// Lookups into a plan model by name, built once per model (the generators
// ask for the same variables and value sets for every query and table).
// A model is never changed after buildModel, so the maps stay true.
import type { GroupModel, PlanModel, TimepointModel, ValuesetModel, VariableModel } from "./index.js";

export interface ModelLookup {
  variable(name: string): VariableModel | undefined;
  valueset(name: string): ValuesetModel | undefined;
  group(name: string): GroupModel | undefined;
  timepoint(name: string): TimepointModel | undefined;
  /** The choice variable whose declared `other` description is this text variable. */
  describedBy(textVariable: string): VariableModel | undefined;
}

const cache = new WeakMap<PlanModel, ModelLookup>();

export function lookup(model: PlanModel): ModelLookup {
  let l = cache.get(model);
  if (l) return l;
  const byName = <T extends { name: string }>(xs: T[]) => new Map(xs.map((x) => [x.name, x]));
  const variables = byName(model.variables);
  const valuesets = byName(model.valuesets);
  const groups = byName(model.groups);
  const timepoints = byName(model.timepoints);
  // The first choice variable (in plan order) that a text variable describes.
  const described = new Map<string, VariableModel>();
  for (const v of model.variables) if (v.otherDescription?.declared && !described.has(v.otherDescription.name)) described.set(v.otherDescription.name, v);
  l = {
    variable: (n) => variables.get(n),
    valueset: (n) => valuesets.get(n),
    group: (n) => groups.get(n),
    timepoint: (n) => timepoints.get(n),
    describedBy: (n) => described.get(n),
  };
  cache.set(model, l);
  return l;
}
