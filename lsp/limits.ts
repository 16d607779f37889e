// The language server's memory limits, in one place (lsp/README.md, "Limits",
// says why these figures). Open documents are the editor's to choose; what the
// server keeps for files that are not open — imports read from disk, workspace
// files looked through for references — is bounded here, and a document too
// large to analyse is not parsed at all.

/**
 * Largest file the server analyses, in UTF-8 bytes. An open plan holds about
 * 90 times its size in memory (parse, names, checks, tokens) and needs about
 * twice that while it is re-checked, so 4 MB (about 150,000 lines) peaks near
 * 800 MB. Above it an open document gets one diagnostic (document-too-large)
 * and an import of such a file is reported as unreadable (ISU0002).
 */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

/** Parsed files that are not open (imports of open documents, read from disk), at most this many… */
export const MAX_CACHED_FILES = 64;

/** …and of at most this much source in all (UTF-16 code units, about bytes for a plan). */
export const MAX_CACHED_CHARS = 16 * 1024 * 1024;

/** The code of the one diagnostic a document above MAX_DOCUMENT_BYTES gets. */
export const TOO_LARGE_CODE = "document-too-large";

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a file of this size is not analysed, for a diagnostic or an import problem. */
export function tooLargeReason(bytes: number): string {
  return `it is ${megabytes(bytes)}, larger than the ${megabytes(MAX_DOCUMENT_BYTES)} the language server analyses`;
}

/** The UTF-8 size of a text, counted only when it could exceed the limit (a UTF-16 unit is at most 3 bytes). */
export function overLimit(text: string): number | undefined {
  if (text.length * 3 <= MAX_DOCUMENT_BYTES) return undefined;
  const bytes = Buffer.byteLength(text, "utf8");
  return bytes > MAX_DOCUMENT_BYTES ? bytes : undefined;
}
