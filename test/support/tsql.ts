// Splitting a T-SQL script into statements as SQL Server reads it, for the
// tests that parse the SQL Server scripts statement by statement.

/** Splits a script at `;` outside strings, quoted names and comments. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = "";
  let i = 0;
  const until = (close: string, from: number): number => {
    let j = from;
    while (j < sql.length) {
      if (sql[j] === close) {
        if (sql[j + 1] === close) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return sql.length;
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    let j = i + 1;
    if (ch === "-" && sql[i + 1] === "-") j = sql.indexOf("\n", i) < 0 ? sql.length : sql.indexOf("\n", i);
    else if (ch === "'") j = until("'", i + 1);
    else if (ch === "[") j = until("]", i + 1);
    else if (ch === '"') j = until('"', i + 1);
    else if (ch === ";") {
      out.push(cur.trim());
      cur = "";
      i++;
      continue;
    }
    cur += sql.slice(i, j);
    i = j;
  }
  out.push(cur.trim());
  return out.filter((s) => s.replace(/--[^\n]*/g, "").trim() !== "");
}
