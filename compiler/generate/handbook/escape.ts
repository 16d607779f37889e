// How plan text reaches each format. HTML text stays raw here because the
// templates' {{ }} escape it; Markdown has no such escaping, so plan text is
// escaped while the view is built and the Markdown templates print it as is.

/** Turns plan text and identifiers into text that is safe in one output format. */
export interface TextFormat {
  /** One line of plan text (whitespace runs, newlines included, become one space). */
  text(s: string): string;
  /** A name, code or file name shown as code. */
  code(s: string): string;
}

const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

export const htmlFormat: TextFormat = {
  text: collapse,
  code: (s) => s,
};

/**
 * Backslash-escapes every character that could start Markdown or inline HTML,
 * and breaks what GitHub would turn into a link without any markup (its
 * "extended autolinks": `www.`, `scheme://`, an e-mail address): an escaped
 * character is not part of the text GitHub scans for those.
 */
export function markdownText(s: string): string {
  return (
    collapse(s)
      .replace(/[\\`*_[\]<>|~@]/g, "\\$&")
      .replace(/(?<=[A-Za-z]):(?=\/\/)/g, "\\:")
      .replace(/(?<![A-Za-z0-9_.-])(www)\./gi, "$1\\.")
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
      // Block markers count only at the start of a line, followed by a space or the end.
      .replace(/^([-+])(?=\s|$)/, "\\$1")
      .replace(/^#(?=#{0,5}(?:\s|$))/, "\\#")
      .replace(/^([-=])(?=[-=\s]*$)/, "\\$1")
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
  );
}

/**
 * A code span whose delimiter is longer than any backtick run inside it. A `|`
 * would end a table cell even inside a code span, and the escape that stops it
 * (`\\|`) shows as written outside tables, so such a name is escaped text instead.
 */
export function markdownCode(s: string): string {
  const text = collapse(s);
  if (text.includes("|")) return markdownText(text);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

export const markdownFormat: TextFormat = {
  text: markdownText,
  code: markdownCode,
};

/** Paragraphs of a longer text: a blank line separates them; other line breaks are the author's wrapping. */
export function paragraphs(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .split(/\r?\n[ \t]*\r?\n/)
    .map(collapse)
    .filter((p) => p.length > 0);
}
