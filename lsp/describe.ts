// Short readable renderings of declarations, shared by hover, completion and
// the outline: a type as it is written, a range, a value's markers.
import type * as A from "../compiler/syntax/ast.js";
import { writtenTexts } from "../compiler/syntax/localized-text.js";

export function describeRange(b: A.RangeLit | undefined): string {
  if (!b) return "";
  return `${b.low?.raw ?? ""}..${b.high?.raw ?? ""}`;
}

/** A variable's type as written: `multiple insats`, `integer 18..110 unit "år"`. */
export function describeType(t: A.TypeRef): string {
  let s: string;
  switch (t.kind) {
    case "valueset":
      s = `${t.multiple ? "multiple " : ""}${t.valueset.text}`;
      break;
    case "integer":
    case "decimal":
      s = t.bounds ? `${t.kind} ${describeRange(t.bounds)}` : t.kind;
      break;
    default:
      s = t.kind;
  }
  return t.unit ? `${s} unit ${JSON.stringify(t.unit.value)}` : s;
}

/** A completion item's documentation: the first definition as written, where there is one. */
export function documentation(definition: A.LocalizedText | undefined): { documentation?: string } {
  const first = writtenTexts(definition)[0];
  return first ? { documentation: first.text.value } : {};
}

export function valueMarkers(v: A.ValueDecl): string {
  return [v.other ? "other" : "", v.missing ? "missing" : ""].filter(Boolean).join(", ");
}

/** The label a declaration shows: its own, or its name. */
export function labelOf(d: { label: A.LocalizedText; name: A.Name }): string {
  return d.label.text?.value ?? d.name.text;
}

/** Markdown inline code that survives backticks in the text. */
export function code(s: string): string {
  return s.includes("`") ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** Text for Markdown: characters that would format are escaped. */
export function md(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, "\\$1");
}
