// ISU0205: a missing-value code (ICF 8/9, "vet ej") mapped into a comparison
// group, where it would be counted as if it were an answer on the scale.
import type * as A from "../../syntax/ast.js";
import type { Rule } from "../engine/rule.js";
import { removeListItem } from "../support/source-edits.js";

export const missingCodeInGroup: Rule = {
  meta: {
    code: "ISU0205",
    name: "missing-code-in-group",
    defaultSeverity: "warning",
    description: "A missing-value code is mapped into a comparison group.",
    docs: `Values marked \`missing\` (ICF's 8 "ej specificerat" and 9 "ej tillämpligt", "vet ej", "vill ej svara") are not answers on the scale: every table counts them as missing data (bortfall). Mapping one into a group entry (\`"Stora svårigheter" = 3, 4, 9\`) makes the missing answers count as a real category and hides the bortfall. Remove the code from the group; the tables show it as missing on their own.`,
  },
  check(ctx) {
    for (const vr of ctx.resolution.valueRefs) {
      if (vr.where !== "group" || !vr.value?.missing || !vr.valueset) continue;
      const group = findGroup(vr.file, vr.range);
      const entry = group?.entries.find((e) => e.values.some((v) => v.range.start.offset === vr.range.start.offset));
      const edit = entry
        ? removeListItem(
            ctx.source(vr.file),
            entry.values.map((v) => v.range),
            entry.values.findIndex((v) => v.range.start.offset === vr.range.start.offset),
          )
        : undefined;
      ctx.report({
        file: vr.file,
        range: vr.range,
        message: `'${vr.code}' (${JSON.stringify(vr.value.label.text.value)}) is a missing-value code of value set '${vr.valueset.name}'${entry ? ` but is mapped into ${JSON.stringify(entry.label.text.value)}${group ? ` of group '${group.name.text}'` : ""}` : ""}`,
        hint: `remove '${vr.code}' from the group: missing answers are counted as missing data in every table`,
        ...(edit ? { fixes: [{ title: `Remove '${vr.code}' from the group`, preferred: true, edits: [edit] }] } : {}),
      });
    }

    function findGroup(file: string, at: A.Range): A.GroupDecl | undefined {
      const sf = ctx.source(file);
      return sf.ast.declarations.find((d): d is A.GroupDecl => d.kind === "Group" && d.range.start.offset <= at.start.offset && at.end.offset <= d.range.end.offset);
    }
  },
};
