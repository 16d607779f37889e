// Text edits whose shape depends on the source's layout: an item inserted on
// its own line before a block's closing brace, one item taken out of a comma
// list. Fixes built here keep the file's indentation and separators intact.
import type * as A from "../../syntax/ast.js";
import type { TextEdit } from "../../syntax/diagnostic.js";
import { positionAt, type SourceFile } from "../../syntax/source.js";

export function spanRange(sf: SourceFile, start: number, end: number): A.Range {
  return { start: positionAt(sf.lineStarts, start), end: positionAt(sf.lineStarts, end) };
}

function lineStartOf(sf: SourceFile, offset: number): number {
  return sf.lineStarts[positionAt(sf.lineStarts, offset).line - 1] ?? 0;
}

/** The leading whitespace of the line a position is on. */
export function indentOf(sf: SourceFile, offset: number): string {
  const start = lineStartOf(sf, offset);
  return /^[ \t]*/.exec(sf.text.slice(start))![0];
}

/**
 * Inserts `item` as the block's last item. `block` ends just after its `}`;
 * `sibling` (an existing item) gives the indentation. undefined when the
 * block has no closing brace (a syntax error is reported instead).
 */
export function insertBeforeClosingBrace(sf: SourceFile, block: A.Range, item: string, sibling?: A.Range): TextEdit | undefined {
  const brace = block.end.offset - 1;
  if (sf.text[brace] !== "}") return undefined;
  const lineStart = lineStartOf(sf, brace);
  if (sf.text.slice(lineStart, brace).trim() === "") {
    const indent = sibling ? indentOf(sf, sibling.start.offset) : indentOf(sf, brace) + "  ";
    const at = positionAt(sf.lineStarts, lineStart);
    return { file: sf.path, range: { start: at, end: at }, newText: `${indent}${item}\n` };
  }
  // A one-line block: `{ a "A" }` → `{ a "A" b "B" }`.
  const at = positionAt(sf.lineStarts, brace);
  const before = /\s/.test(sf.text[brace - 1] ?? "") ? "" : " ";
  return { file: sf.path, range: { start: at, end: at }, newText: `${before}${item} ` };
}

/** Removes items[index] from a comma-separated list together with one adjacent comma. */
export function removeListItem(sf: SourceFile, items: A.Range[], index: number): TextEdit | undefined {
  const item = items[index];
  if (!item || items.length < 2) return undefined;
  const [start, end] = index > 0 ? [items[index - 1]!.end.offset, item.end.offset] : [item.start.offset, items[1]!.start.offset];
  return { file: sf.path, range: spanRange(sf, start, end), newText: "" };
}

/** Inserts text at a position. */
export function insertAt(file: string, pos: A.Position, text: string): TextEdit {
  return { file, range: { start: pos, end: pos }, newText: text };
}

/** Replaces the text of a range. */
export function replace(file: string, range: A.Range, text: string): TextEdit {
  return { file, range, newText: text };
}

/**
 * Removes the text of `range`; when it stands alone on its lines, the whole
 * lines go too (indentation and the line break), so no blank line is left.
 */
export function removeLines(sf: SourceFile, range: A.Range): TextEdit {
  const text = sf.text;
  let start = range.start.offset;
  let end = range.end.offset;
  const lineStart = lineStartOf(sf, start);
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === " " || text[lineEnd] === "\t")) lineEnd++;
  const aloneBefore = text.slice(lineStart, start).trim() === "";
  const aloneAfter = lineEnd === text.length || text[lineEnd] === "\n" || text[lineEnd] === "\r";
  if (aloneBefore && aloneAfter) {
    start = lineStart;
    end = lineEnd + (text.startsWith("\r\n", lineEnd) ? 2 : lineEnd < text.length ? 1 : 0);
  }
  return { file: sf.path, range: spanRange(sf, start, end), newText: "" };
}
