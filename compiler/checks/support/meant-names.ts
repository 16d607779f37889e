// What the data-minimisation checks (ISU0601, ISU0605) count as read besides
// the resolved references: an unresolved name in a question most likely meant
// its closest variable or group (ISU0101 says so), so that one is not
// reported as unused while the typo stands.
import type { Resolution } from "../../semantics/resolve.js";
import { closest } from "./suggest.js";

export function meantMeasures(r: Resolution): string[] {
  const measures = [...r.variables.keys(), ...r.groups.keys()];
  return r.refs
    .filter((x) => !x.target && (x.role === "varref" || x.role === "change-variable" || x.role === "group-source"))
    .map((x) => closest(x.name, measures))
    .filter((n): n is string => !!n);
}
