// Joining words into running text.

/** "a, b" + last + "c": a list in running text with the language's last separator. */
export function alternatives(items: string[], last: string): string {
  return items.length <= 1 ? items.join("") : items.slice(0, -1).join(", ") + last + items[items.length - 1];
}
