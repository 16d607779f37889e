// Section 6: personal and sensitive data, the key, legal basis, free text and data minimisation.
import type { VariableModel } from "../../../model/index.js";
import { anchor, text, type Describer } from "../describe.js";
import { paragraphs } from "../escape.js";
import { plainTable } from "../view-parts.js";
import type { HandbookView, Part } from "../view-types.js";
import { lookup } from "../../../model/lookup.js";

export function protectionView(d: Describer): Omit<HandbookView["protection"], "id" | "heading"> {
  const { model, s } = d;
  const P = s.protection;
  const varLink = (v: VariableModel) => d.link(d.label(v.label) || d.plain(v.name), anchor.variable(v.name));
  const categories = (cs: string[]) => d.list(cs.map((c) => P.categories[c] ?? d.plain(c)));
  const when = (v: VariableModel) => d.list(v.timepoints.map((t) => d.timepoint(t)));
  const byName = new Map(model.variables.map((v) => [v.name, v]));
  // An `other` description inherits the sensitivity of the answer it describes (the form marks it so too).
  const sensitiveRows: Part[][][] = [];
  for (const v of model.variables) {
    if (v.sensitive.length) sensitiveRows.push([[varLink(v)], [d.code(v.name)], [text(categories(v.sensitive))], [text(when(v))]]);
    const od = v.otherDescription;
    if (!od || !v.sensitive.length || byName.get(od.name)?.sensitive.length) continue;
    const label = od.declared ? varLink(byName.get(od.name)!) : text(d.label(od.label));
    sensitiveRows.push([[label], [d.code(od.name)], [text(`${categories(v.sensitive)} (${P.inherited(d.label(v.label))})`)], [text(when(v))]]);
  }
  const freeText: Part[][][] = [];
  for (const v of model.variables) {
    if (v.type.kind === "text") {
      const describes = lookup(model).describedBy(v.name);
      const reason = v.reason ? d.plain(d.local(v.reason)) : describes ? P.otherDescriptionReason(d.label(describes.label)) : P.noReason;
      freeText.push([[varLink(v)], [d.code(v.name)], [text(reason)]]);
    }
    const od = v.otherDescription;
    if (od && !od.declared) freeText.push([[text(d.label(od.label))], [d.code(od.name)], [text(P.otherDescriptionReason(d.label(v.label)))]]);
  }
  const unused = model.variables.filter((v) => v.usedBy.length === 0 && !model.variables.some((x) => x.otherDescription?.declared && x.otherDescription.name === v.name));
  return {
    personal: P.personal,
    key: P.key,
    smallNumbers: P.smallNumbers(model.minCell),
    sensitive: {
      heading: P.sensitiveHeading,
      intro: P.sensitiveIntro,
      table: sensitiveRows.length ? plainTable(null, [s.schedule.variable, s.schedule.name, P.category, s.codebook.timepoints], sensitiveRows) : null,
      none: sensitiveRows.length ? null : P.noSensitive,
    },
    legalBasis: {
      heading: P.legalBasisHeading,
      items: model.legalBasis.map((l) => paragraphs(d.local(l)).map(d.fmt.text)),
      none: model.legalBasis.length ? null : P.noLegalBasis,
    },
    notes: model.notes.length ? { heading: P.notesHeading, items: model.notes.map((l) => paragraphs(d.local(l)).map(d.fmt.text)) } : null,
    freeText: {
      heading: P.freeTextHeading,
      intro: P.freeTextIntro,
      table: freeText.length ? plainTable(null, [s.schedule.variable, s.schedule.name, s.codebook.reason], freeText) : null,
      none: freeText.length ? null : P.noFreeText,
    },
    minimisation: {
      heading: P.minimisationHeading,
      intro: unused.length ? P.minimisationIntro : null,
      items: unused.map((v) => [varLink(v), text(" ("), d.code(v.name), text(")")]),
      none: unused.length ? null : P.allUsed,
    },
  };
}
