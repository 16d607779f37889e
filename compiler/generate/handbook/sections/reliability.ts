// Section 7: reliability guidance, with what this plan adds to each topic.
import { anchor, text, type Describer } from "../describe.js";
import { plainTable } from "../view-parts.js";
import type { TopicView } from "../view-types.js";

export function reliabilityTopics(d: Describer): TopicView[] {
  const { model, s } = d;
  const R = s.reliability;
  return R.topics.map((t) => {
    const view: TopicView = { heading: t.heading, paragraphs: [...t.paragraphs], listIntro: null, items: [], table: null };
    if (t.key === "missing") {
      const rows = model.valuesets.flatMap((vs) => vs.values.filter((v) => v.missing).map((v) => [[d.link(d.label(vs.label), anchor.valueset(vs.name))], [d.code(v.code)], [text(d.label(v.label))]]));
      if (rows.length) {
        view.listIntro = R.missingCodesIntro;
        view.table = plainTable(null, [s.codebook.valueset, s.codebook.code, s.codebook.label], rows);
      } else view.paragraphs.push(R.missingCodesNone);
    } else if (t.key === "small") {
      view.paragraphs.push(R.smallNumbers(model.minCell, model.expected));
    } else if (t.key === "interpretation") {
      // A description of "other" is free text about an answer already defined; it needs no definition of its own.
      const describesOther = new Set(model.variables.flatMap((v) => (v.otherDescription?.declared ? [v.otherDescription.name] : [])));
      const undefinedVars = model.variables.filter((v) => !v.definition && !describesOther.has(v.name));
      if (undefinedVars.length) {
        view.listIntro = R.withoutDefinition;
        view.items = undefinedVars.map((v) => [d.link(d.label(v.label) || d.plain(v.name), anchor.variable(v.name))]);
      } else view.paragraphs.push(R.allDefined);
    }
    return view;
  });
}
