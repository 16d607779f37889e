// JSON as every generator writes it. JSON.stringify already escapes quotes,
// backslashes and control characters and writes lone surrogates as \u
// escapes; this also escapes U+2028/2029 (line breaks to older JavaScript
// parsers) and `<` (so `</script>` or `<!--` in a label cannot end a script
// block the JSON is pasted into). JSON.parse gives back exactly the same text.
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u2028\u2029<]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}
