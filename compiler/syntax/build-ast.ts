// CST → AST, one small builder a declaration. The CST may be partial after
// error recovery: every accessor tolerates a missing child, and a
// declaration without its name is dropped (the parse error already says what
// is wrong). The node types are generated from the grammar (grammar/cst.ts),
// so a child label that the grammar does not have is a type error here.
import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as C from "../../grammar/cst.js";
import type * as A from "./ast.js";

type Kids = Record<string, CstElement[] | undefined>;
/** The labels of a node's children that hold tokens, and those that hold nodes (with the node type). */
type TokenLabel<K> = { [L in keyof K]-?: NonNullable<K[L]> extends IToken[] ? L : never }[keyof K] & string;
type NodeLabel<K> = { [L in keyof K]-?: NonNullable<K[L]> extends CstNode[] ? L : never }[keyof K] & string;
type NodeAt<K, L extends keyof K> = NonNullable<K[L]> extends (infer N)[] ? N : never;

const isToken = (e: CstElement): e is IToken => (e as IToken).image !== undefined;
const real = (t: IToken): boolean => !t.isInsertedInRecovery && Number.isFinite(t.startOffset);

function tokens<K extends object>(c: K, label: TokenLabel<K>): IToken[] {
  return ((c as unknown as Kids)[label] ?? []).filter(isToken).filter(real);
}
function tok<K extends object>(c: K, label: TokenLabel<K>): IToken | undefined {
  return tokens(c, label)[0];
}
function nodes<K extends object, L extends NodeLabel<K>>(c: K, label: L): NodeAt<K, L>[] {
  return ((c as unknown as Kids)[label] ?? []).filter((e) => !isToken(e)) as NodeAt<K, L>[];
}
function node<K extends object, L extends NodeLabel<K>>(c: K, label: L): NodeAt<K, L> | undefined {
  return nodes(c, label)[0];
}

export function tokenRange(t: IToken): A.Range {
  return {
    start: { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 },
    end: { offset: (t.endOffset ?? t.startOffset) + 1, line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 1) + 1 },
  };
}

/** The range spanned by every real token under a CST node. */
function nodeRange(n: CstNode): A.Range | undefined {
  // The parser tracks node locations; only nodes touched by error recovery
  // (NaN positions) need the walk over their tokens.
  const loc = n.location;
  if (loc && Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset) && Number.isFinite(loc.endColumn) && Number.isFinite(loc.startColumn)) {
    return {
      start: { offset: loc.startOffset, line: loc.startLine!, column: loc.startColumn! },
      end: { offset: loc.endOffset! + 1, line: loc.endLine!, column: loc.endColumn! + 1 },
    };
  }
  let first: IToken | undefined;
  let last: IToken | undefined;
  const walk = (e: CstElement): void => {
    if (isToken(e)) {
      if (!real(e)) return;
      if (!first || e.startOffset < first.startOffset) first = e;
      if (!last || e.startOffset > last.startOffset) last = e;
    } else {
      for (const list of Object.values(e.children)) for (const x of list ?? []) walk(x);
    }
  };
  walk(n);
  if (!first || !last) return undefined;
  return { start: tokenRange(first).start, end: tokenRange(last).end };
}

function name(t: IToken | undefined): A.Name | undefined {
  return t ? { text: t.image, range: tokenRange(t) } : undefined;
}

/** Decodes a "…" or """…""" literal. Triple-quoted texts lose their common indentation. */
export function decodeString(image: string): { value: string; triple: boolean } {
  if (image.startsWith('"""')) {
    const closed = image.length >= 6 && image.endsWith('"""');
    let body = image.slice(3, closed ? -3 : undefined);
    // "\r\n", "\n" and a lone "\r" (old Mac) are the same line end, as in lineStarts.
    const lines = body.split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[0]!.trim() === "") lines.shift();
    if (lines.length > 1 && lines[lines.length - 1]!.trim() === "") lines.pop();
    const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
    const cut = indents.length ? Math.min(...indents) : 0;
    body = lines.map((l) => l.slice(cut).trimEnd()).join("\n");
    return { value: body, triple: true };
  }
  // The final quote closes the text unless an odd run of backslashes escapes it: `"C:\\temp\\"` is closed.
  const backslashes = image.length - 1 - image.slice(0, -1).search(/\\*$/);
  const closed = image.length >= 2 && image.endsWith('"') && backslashes % 2 === 0;
  // Any character but a line end may follow the backslash, as in the lexer's StringLiteral.
  const inner = image.slice(1, closed ? -1 : undefined).replace(/\\([^\r\n])/gu, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
  return { value: inner, triple: false };
}

function text(n: C.TextCstNode | undefined): A.TextLit | undefined {
  if (!n) return undefined;
  const t = tok(n.children, "StringLiteral") ?? tok(n.children, "TripleString");
  if (!t) return undefined;
  return { ...decodeString(t.image), range: tokenRange(t) };
}

function stringToken(t: IToken | undefined): A.TextLit | undefined {
  return t ? { ...decodeString(t.image), range: tokenRange(t) } : undefined;
}

function numberLit(t: IToken | undefined): A.NumberLit | undefined {
  return t ? { value: Number(t.image), raw: t.image, range: tokenRange(t) } : undefined;
}

function translation(n: C.TranslationCstNode | C.TimepointItemCstNode): A.Translation | undefined {
  const lang = name(tok(n.children, "lang"));
  const t = text(node(n.children, "text"));
  const r = nodeRange(n);
  return lang && t && r ? { lang, text: t, range: r } : undefined;
}

/** The range from the first of some ranges to the last. */
function span(ranges: A.Range[]): A.Range {
  const start = ranges.reduce((a, b) => (b.start.offset < a.start.offset ? b : a)).start;
  const end = ranges.reduce((a, b) => (b.end.offset > a.end.offset ? b : a)).end;
  return { start, end };
}

/**
 * Untagged texts and translations as one LocalizedText, or nothing when none is written.
 * `counts` picks the untagged text that counts: the first, or (for `reason`, `unit`) the last.
 */
function localized(untagged: A.TextLit[], translations: A.Translation[], counts: "first" | "last" = "first"): A.LocalizedText | undefined {
  if (untagged.length === 0 && translations.length === 0) return undefined;
  const at = counts === "first" ? 0 : untagged.length - 1;
  const out: A.LocalizedText = { repeated: untagged.filter((_, i) => i !== at), translations, range: span([...untagged, ...translations].map((t) => t.range)) };
  if (untagged[at]) out.text = untagged[at];
  return out;
}

/** A declaration's label: the text after its name with the `label en "…"` lines; where neither is written, empty after the name. */
function label(header: A.TextLit | undefined, translations: A.Translation[], after: A.Name): A.LocalizedText {
  return localized(header ? [header] : [], translations) ?? { repeated: [], translations: [], range: { start: after.range.end, end: after.range.end } };
}

/** The definitions among a declaration's items: `definition "…"` and `definition en "…"`. */
function definitions(ns: C.DefinitionCstNode[]): A.LocalizedText | undefined {
  const untagged: A.TextLit[] = [];
  const translations: A.Translation[] = [];
  for (const n of ns) {
    const t = text(node(n.children, "text"));
    const r = nodeRange(n);
    const lang = name(tok(n.children, "lang"));
    if (!t || !r) continue;
    if (lang) translations.push({ lang, text: t, range: r });
    else untagged.push(t);
  }
  return localized(untagged, translations);
}

function classification(n: C.ClassificationCstNode): A.Classification | undefined {
  const system = name(tok(n.children, "system"));
  const code = stringToken(tok(n.children, "code"));
  const r = nodeRange(n);
  if (!system || !code || !r) return undefined;
  const v = tok(n.children, "version");
  const out: A.Classification = { kind: "Classification", system, code, range: r };
  if (v) out.version = { value: v.image, range: tokenRange(v) };
  return out;
}

function rangeLit(n: C.RangeCstNode | undefined): A.RangeLit | undefined {
  if (!n) return undefined;
  const r = nodeRange(n);
  if (!r) return undefined;
  const out: A.RangeLit = { range: r };
  const low = numberLit(tok(n.children, "low"));
  const high = numberLit(tok(n.children, "high"));
  if (low) out.low = low;
  if (high) out.high = high;
  if (!low && !high) return undefined;
  return out;
}

function value(n: C.ValueCstNode): A.ValueLit | undefined {
  const t = tok(n.children, "v");
  if (!t) return undefined;
  const range = tokenRange(t);
  switch (t.tokenType.name) {
    case "NumberLiteral":
      return { kind: "number", value: Number(t.image), raw: t.image, range };
    case "True":
    case "False":
      return { kind: "boolean", value: t.image === "true", raw: t.image, range };
    default:
      return { kind: "code", value: t.image, raw: t.image, range };
  }
}

function varRef(n: C.VarRefCstNode | undefined): A.VarRef | undefined {
  if (!n) return undefined;
  const nm = name(tok(n.children, "name"));
  const r = nodeRange(n);
  if (!nm || !r) return undefined;
  const tp = name(tok(n.children, "timepoint"));
  return tp ? { name: nm, timepoint: tp, range: r } : { name: nm, range: r };
}

function condition(n: C.ConditionCstNode | C.ConjunctionCstNode | C.UnaryCstNode | C.ComparisonCstNode | undefined): A.Condition | undefined {
  if (!n) return undefined;
  const r = nodeRange(n);
  if (!r) return undefined;
  switch (n.name) {
    case "condition":
    case "conjunction": {
      const parts = nodes(n.children, "part")
        .map(condition)
        .filter((x): x is A.Condition => !!x);
      if (parts.length === 0) return undefined;
      if (parts.length === 1) return parts[0];
      return { kind: n.name === "condition" ? "or" : "and", parts, range: r };
    }
    case "unary": {
      const neg = node(n.children, "negated");
      if (neg) {
        const operand = condition(neg);
        return operand ? { kind: "not", operand, range: r } : undefined;
      }
      const inner = node(n.children, "inner");
      if (inner) return condition(inner);
      return condition(node(n.children, "comparison"));
    }
    case "comparison": {
      const subject = varRef(node(n.children, "subject"));
      const op = tok(n.children, "op");
      if (!subject || !op) return undefined;
      const values = nodes(n.children, "value")
        .map(value)
        .filter((x): x is A.ValueLit => !!x);
      const num = tok(n.children, "number");
      if (num) values.push({ kind: "number", value: Number(num.image), raw: num.image, range: tokenRange(num) });
      const out: A.Condition = { kind: "compare", subject, op: op.image as A.ComparisonOp, values, range: r };
      const band = rangeLit(node(n.children, "range"));
      if (band) out.band = band;
      return out;
    }
  }
  return undefined;
}

function typeRef(n: C.VariableTypeCstNode | undefined): A.TypeRef | undefined {
  if (!n) return undefined;
  const r = nodeRange(n);
  if (!r) return undefined;
  const kind = tok(n.children, "kind");
  const vs = name(tok(n.children, "valueset"));
  const unit = text(node(n.children, "unit"));
  let out: A.TypeRef | undefined;
  if (!kind || kind.image === "multiple") {
    if (!vs) return undefined;
    out = { kind: "valueset", multiple: !!kind, valueset: vs, range: r };
  } else if (kind.image === "integer" || kind.image === "decimal") {
    const bounds = rangeLit(node(n.children, "range"));
    out = bounds ? { kind: kind.image, bounds, range: r } : { kind: kind.image, range: r };
  } else {
    out = { kind: kind.image as "boolean" | "date" | "text", range: r };
  }
  if (unit) out.unit = unit;
  return out;
}

function plan(n: C.PlanDeclCstNode, r: A.Range, nm: A.Name): A.PlanDecl {
  const settings: A.PlanSetting[] = [];
  for (const item of nodes(n.children, "planItem")) {
    const range = nodeRange(item);
    if (!range) continue;
    const key = tok(item.children, "key");
    const tr = node(item.children, "translation");
    if (tr) {
      const t = translation(tr);
      if (t) settings.push({ key: "label", lang: t.lang, text: t.text, range, keyRange: t.range });
      continue;
    }
    if (!key) continue;
    const keyRange = tokenRange(key);
    switch (key.image) {
      case "organisation":
      case "version": {
        const t = text(node(item.children, "text"));
        if (t) settings.push({ key: key.image, text: t, range, keyRange });
        break;
      }
      case "purpose":
      case "note":
      case "legal_basis": {
        const t = text(node(item.children, "text"));
        const lang = name(tok(item.children, "lang"));
        if (t) settings.push(lang ? { key: key.image, lang, text: t, range, keyRange } : { key: key.image, text: t, range, keyRange });
        break;
      }
      case "language": {
        const lang = name(tok(item.children, "lang"));
        if (lang) settings.push({ key: "language", lang, range, keyRange });
        break;
      }
      case "translations": {
        const langs = tokens(item.children, "lang").map((t) => name(t)!);
        if (langs.length) settings.push({ key: "translations", langs, range, keyRange });
        break;
      }
      case "timepoints": {
        const names = tokens(item.children, "timepoint").map((t) => name(t)!);
        if (names.length) settings.push({ key: "timepoints", names, range, keyRange });
        break;
      }
      case "min_cell":
      case "expected": {
        const num = numberLit(tok(item.children, "number"));
        if (num) settings.push({ key: key.image, number: num, range, keyRange });
        break;
      }
      case "rule": {
        const rule = name(tok(item.children, "rule"));
        const severity = name(tok(item.children, "severity"));
        if (rule && severity) settings.push({ key: "rule", rule, severity, range, keyRange });
        break;
      }
    }
  }
  type TextLine = Extract<A.PlanSetting, { key: "label" | "purpose" | "note" | "legal_basis" }>;
  const lines = (key: TextLine["key"]) => settings.filter((s): s is TextLine => s.key === key);
  const asTranslation = (s: TextLine): A.Translation => ({ lang: s.lang!, text: s.text, range: s.range });
  const purposes = lines("purpose");
  const purpose = localized(
    purposes.filter((s) => !s.lang).map((s) => s.text),
    purposes.filter((s) => s.lang).map(asTranslation),
  );
  const d: A.PlanDecl = {
    kind: "Plan",
    name: nm,
    label: label(text(node(n.children, "label")), lines("label").map(asTranslation), nm),
    notes: translatedList(lines("note"), asTranslation),
    legalBases: translatedList(lines("legal_basis"), asTranslation),
    settings,
    range: r,
  };
  if (purpose) d.purpose = purpose;
  return d;
}

/** Notes or legal bases: each untagged line with the translations after it, up to the next untagged one. */
function translatedList<S extends { lang?: A.Name; text: A.TextLit }>(lines: S[], asTranslation: (s: S) => A.Translation): A.LocalizedText[] {
  const out: { text: A.TextLit; translations: A.Translation[] }[] = [];
  for (const s of lines) {
    if (!s.lang) out.push({ text: s.text, translations: [] });
    else out[out.length - 1]?.translations.push(asTranslation(s));
  }
  return out.map((x) => localized([x.text], x.translations)!);
}

/** What a builder makes of each `sub` child of each item, where it makes something. */
function collect<I extends { children: object }, L extends NodeLabel<I["children"]>, T>(items: I[], sub: L, f: (n: NodeAt<I["children"], L>) => T | undefined): T[] {
  const out: T[] = [];
  for (const it of items) {
    for (const e of (it.children as unknown as Kids)[sub] ?? []) {
      if (isToken(e)) continue;
      const v = f(e as NodeAt<I["children"], L>);
      if (v) out.push(v);
    }
  }
  return out;
}

function importDecl(n: C.ImportDeclCstNode, r: A.Range): A.ImportDecl | undefined {
  // An unclosed `"""` runs to the end of the file: that is no path (the
  // syntax error says so), while an unclosed `"…` still names a file.
  const pathTok = tok(n.children, "path");
  if (pathTok?.tokenType.name === "UnterminatedTriple") return undefined;
  const path = stringToken(pathTok);
  return path ? { kind: "Import", path, range: r } : undefined;
}

function timepointDecl(n: C.TimepointDeclCstNode, r: A.Range, nm: A.Name): A.TimepointDecl {
  const items = nodes(n.children, "timepointItem");
  const whenNodes = items.filter((i) => tok(i.children, "When"));
  const when = localized(
    whenNodes.filter((i) => !tok(i.children, "lang")).flatMap((i) => text(node(i.children, "text")) ?? []),
    whenNodes.flatMap((i) => translation(i) ?? []),
  );
  const d: A.TimepointDecl = { kind: "Timepoint", name: nm, label: declLabel(n, nm, items), range: r };
  if (when) d.when = when;
  const def = definitions(collect(items, "definition", (x) => x));
  if (def) d.definition = def;
  return d;
}

function valueDecl(v: C.ValueDeclCstNode): A.ValueDecl | undefined {
  const codeTok = tok(v.children, "code");
  const lbl = text(node(v.children, "label"));
  const vr = nodeRange(v);
  if (!codeTok || !lbl || !vr) return undefined;
  const sub = nodes(v.children, "valueItem");
  const decl: A.ValueDecl = {
    kind: "Value",
    code: { kind: codeTok.tokenType.name === "NumberLiteral" ? "number" : "code", value: codeTok.image, range: tokenRange(codeTok) },
    label: localized([lbl], collect(sub, "translation", translation)) as A.RequiredText,
    classifications: collect(sub, "classification", classification),
    range: vr,
  };
  const def = definitions(collect(sub, "definition", (x) => x));
  if (def) decl.definition = def;
  for (const m of tokens(v.children, "marker")) {
    if (m.image === "other") decl.other = tokenRange(m);
    else decl.missing = tokenRange(m);
  }
  return decl;
}

function valuesetDecl(n: C.ValuesetDeclCstNode, r: A.Range, nm: A.Name): A.ValuesetDecl {
  const items = nodes(n.children, "valuesetItem");
  const scaleTok = tok(n.children, "scale");
  const dirTok = tok(n.children, "direction");
  const d: A.ValuesetDecl = { kind: "Valueset", name: nm, label: declLabel(n, nm, items), values: collect(items, "valueDecl", valueDecl), range: r };
  const def = definitions(collect(items, "definition", (x) => x));
  if (def) d.definition = def;
  if (scaleTok) d.scale = { value: scaleTok.image as "nominal" | "ordinal", range: tokenRange(scaleTok) };
  if (dirTok) d.direction = { value: dirTok.image as "higher" | "lower", range: tokenRange(dirTok) };
  return d;
}

function variableDecl(n: C.VariableDeclCstNode, r: A.Range, nm: A.Name): A.VariableDecl | undefined {
  const c = n.children;
  const type = typeRef(node(c, "variableType"));
  if (!type) return undefined;
  const items = nodes(c, "variableItem");
  const tps = tokens(c, "timepoint").map((t) => name(t)!);
  const at = tok(c, "At");
  const d: A.VariableDecl = {
    kind: "Variable",
    name: nm,
    label: declLabel(n, nm, items),
    type,
    timepoints: tps,
    classifications: collect(items, "classification", classification),
    sensitive: [],
    range: r,
  };
  const def = definitions(collect(items, "definition", (x) => x));
  if (def) d.definition = def;
  const texts = { reason: { untagged: [] as A.TextLit[], translations: [] as A.Translation[] }, unit: { untagged: [] as A.TextLit[], translations: [] as A.Translation[] } };
  if (at && tps.length) d.atRange = { start: tokenRange(at).start, end: tps[tps.length - 1]!.range.end };
  for (const it of items) {
    const flag = tok(it.children, "flag");
    if (flag) d.required = { value: flag.image === "required", range: tokenRange(flag) };
    const cat = name(tok(it.children, "category"));
    if (cat) d.sensitive.push(cat);
    const cond = condition(node(it.children, "condition"));
    if (cond) d.condition = cond;
    const reason = text(node(it.children, "reason"));
    const unit = text(node(it.children, "unit"));
    const written = reason ?? unit;
    if (!written) continue;
    const lang = name(tok(it.children, "lang"));
    const itemRange = nodeRange(it);
    const into = texts[reason ? "reason" : "unit"];
    if (lang && itemRange) into.translations.push({ lang, text: written, range: itemRange });
    else into.untagged.push(written);
  }
  // A later `reason` or `unit` line replaces an earlier one; a unit in the type counts before them all.
  const reason = localized(texts.reason.untagged, texts.reason.translations, "last");
  if (reason) d.reason = reason;
  const unit = type.unit ? localized([...texts.unit.untagged, type.unit], texts.unit.translations, "last") : localized(texts.unit.untagged, texts.unit.translations, "last");
  if (unit) d.unit = unit;
  return d;
}

function groupEntry(e: C.GroupEntryCstNode): A.GroupEntry | undefined {
  const lbl = text(node(e.children, "label"));
  const er = nodeRange(e);
  if (!lbl || !er) return undefined;
  const translations = nodes(e.children, "translation")
    .map(translation)
    .filter((x): x is A.Translation => !!x);
  const entry: A.GroupEntry = {
    label: localized([lbl], translations) as A.RequiredText,
    values: nodes(e.children, "value")
      .map(value)
      .filter((x): x is A.ValueLit => !!x),
    range: er,
  };
  const en = name(tok(e.children, "name"));
  if (en) entry.name = en;
  const band = rangeLit(node(e.children, "range"));
  if (band) entry.band = band;
  return entry;
}

function groupDecl(n: C.GroupDeclCstNode, r: A.Range, nm: A.Name): A.GroupDecl | undefined {
  const source = varRef(node(n.children, "source"));
  if (!source) return undefined;
  const items = nodes(n.children, "groupItem");
  return { kind: "Group", name: nm, label: declLabel(n, nm, items), source, entries: collect(items, "groupEntry", groupEntry), range: r };
}

/** The analyses a question item states (at most one; the checks report several). */
function analyses(ic: C.QuestionItemCstNode["children"]): A.Analysis[] {
  const out: A.Analysis[] = [];
  for (const a of [...nodes(ic, "countAnalysis"), ...nodes(ic, "summaryAnalysis")]) {
    const target = varRef(node(a.children, "target"));
    const ar = nodeRange(a);
    if (target && ar) out.push({ kind: a.name === "countAnalysis" ? "count" : "summary", target, range: ar });
  }
  for (const x of nodes(ic, "crosstabAnalysis")) {
    const target = varRef(node(x.children, "target"));
    const other = varRef(node(x.children, "other"));
    const ar = nodeRange(x);
    if (target && other && ar) out.push({ kind: "crosstab", target, other, range: ar });
  }
  for (const ch of nodes(ic, "changeAnalysis")) {
    const variable = name(tok(ch.children, "variable"));
    const from = name(tok(ch.children, "from"));
    const to = name(tok(ch.children, "to"));
    const ar = nodeRange(ch);
    if (variable && from && to && ar) out.push({ kind: "change", variable, from, to, range: ar });
  }
  for (const at of nodes(ic, "attainmentAnalysis")) {
    const target = varRef(node(at.children, "target"));
    const goal = varRef(node(at.children, "goal"));
    const ar = nodeRange(at);
    if (target && goal && ar) out.push({ kind: "attainment", target, goal, range: ar });
  }
  return out;
}

function questionDecl(n: C.QuestionDeclCstNode, r: A.Range, nm: A.Name): A.QuestionDecl {
  const items = nodes(n.children, "questionItem");
  const found: A.Analysis[] = [];
  const splits: A.Split[] = [];
  const where: A.Condition[] = [];
  const notes: A.TextLit[] = [];
  const referenceLines: A.ReferenceLine[] = [];
  for (const it of items) {
    const ic = it.children;
    found.push(...analyses(ic));
    for (const sc of nodes(ic, "splitClause")) {
      for (const s of nodes(sc.children, "split")) {
        const parts = nodes(s.children, "part")
          .map(varRef)
          .filter((p): p is A.VarRef => !!p);
        const sr = nodeRange(s);
        if (parts.length && sr) splits.push({ parts, range: sr });
      }
    }
    const cond = condition(node(ic, "condition"));
    if (cond) where.push(cond);
    const note = text(node(ic, "note"));
    if (note) notes.push(note);
    for (const ri of nodes(ic, "referenceItem")) {
      const line = referenceLine(ri);
      if (line) referenceLines.push(line);
    }
  }
  const out: A.QuestionDecl = { kind: "Question", name: nm, label: declLabel(n, nm, items), analyses: found, splits, where, notes, referenceLines, range: r };
  const ref = reference(referenceLines);
  if (ref) out.reference = ref;
  return out;
}

function referenceLine(n: C.ReferenceItemCstNode): A.ReferenceLine | undefined {
  const c = n.children;
  const lbl = text(node(c, "label"));
  const r = nodeRange(n);
  if (!lbl || !r) return undefined;
  const out: A.ReferenceLine = { label: lbl, range: r };
  const value = numberLit(tok(c, "value"));
  const lang = name(tok(c, "lang"));
  const percent = tok(c, "percent");
  const source = text(node(c, "source"));
  if (value) out.value = value;
  if (percent && !percent.isInsertedInRecovery) out.percent = tokenRange(percent);
  if (lang) out.lang = lang;
  if (source) out.source = source;
  return out;
}

/** The level the first line with a number states; the translation lines translate its label and source. */
function reference(lines: A.ReferenceLine[]): A.Reference | undefined {
  const first = lines.find((l) => l.value);
  if (!first?.value) return undefined;
  const translations = lines.filter((l) => l.lang);
  const label = localized(
    [first.label],
    translations.map((l) => ({ lang: l.lang!, text: l.label, range: l.range })),
  )!;
  const sources = translations.filter((l) => l.source).map((l) => ({ lang: l.lang!, text: l.source!, range: l.range }));
  const source = localized(first.source ? [first.source] : [], sources);
  const out: A.Reference = { value: first.value, label, range: first.range };
  if (first.percent) out.percent = first.percent;
  if (source) out.source = source;
  return out;
}

/** A declaration's label: its header text and the `label en "…"` items in its braces. */
function declLabel(n: { children: { label?: C.TextCstNode[] } }, nm: A.Name, items: { children: { translation?: C.TranslationCstNode[] } }[]): A.LocalizedText {
  return label(text(node(n.children, "label")), collect(items, "translation", translation), nm);
}

type DeclarationNode = C.ImportDeclCstNode | C.PlanDeclCstNode | C.TimepointDeclCstNode | C.ValuesetDeclCstNode | C.VariableDeclCstNode | C.GroupDeclCstNode | C.QuestionDeclCstNode;

function declaration(n: DeclarationNode): A.Declaration | undefined {
  const r = nodeRange(n);
  if (!r) return undefined;
  if (n.name === "importDecl") return importDecl(n, r);
  const nm = name(tok(n.children, "name"));
  if (!nm) return undefined;
  switch (n.name) {
    case "planDecl":
      return plan(n, r, nm);
    case "timepointDecl":
      return timepointDecl(n, r, nm);
    case "valuesetDecl":
      return valuesetDecl(n, r, nm);
    case "variableDecl":
      return variableDecl(n, r, nm);
    case "groupDecl":
      return groupDecl(n, r, nm);
    case "questionDecl":
      return questionDecl(n, r, nm);
  }
}

export function buildAst(cst: CstNode, textLength: number, endPos: A.Position): A.FileAst {
  const declarations: A.Declaration[] = [];
  for (const list of Object.values((cst as C.FileCstNode).children)) {
    for (const e of (list ?? []) as CstElement[]) {
      if (isToken(e)) continue;
      const d = declaration(e as DeclarationNode);
      if (d) declarations.push(d);
    }
  }
  declarations.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return {
    kind: "File",
    declarations,
    range: { start: { offset: 0, line: 1, column: 1 }, end: { ...endPos, offset: textLength } },
  };
}
