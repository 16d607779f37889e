// A small evaluator for the T-SQL expressions of the generated CHECK
// constraints, so that the SQL Server key checks can be run on keys without an
// engine. It knows only what those checks use: N'…' literals, numbers, one
// column, + - * = <> > < >=, AND/OR/NOT, [NOT] LIKE, [NOT] IN, COLLATE and the
// functions NCHAR, REPLICATE, TRANSLATE, REPLACE, LEFT, PATINDEX, LTRIM, RTRIM,
// LEN, DATALENGTH and CAST(… AS nvarchar(n)). Strings are UTF-16, compared by
// code unit, as under the binary collations the checks select; LEN counts code
// points under an _SC collation and code units otherwise, ignoring trailing
// spaces, as SQL Server does. Anything else throws, so a check that uses
// something new fails loudly instead of passing.

type Value = string | number | boolean | { text: string; collation: string };

const textOf = (v: Value): string => (typeof v === "object" ? v.text : typeof v === "string" ? v : String(v));
const collationOf = (v: Value): string | undefined => (typeof v === "object" ? v.collation : undefined);
const num = (v: Value): number => {
  if (typeof v === "number") return v;
  throw new Error(`T-SQL: expected a number, got ${JSON.stringify(v)}`);
};
const bool = (v: Value): boolean => {
  if (typeof v === "boolean") return v;
  throw new Error(`T-SQL: expected a condition, got ${JSON.stringify(v)}`);
};

/** A LIKE pattern as a regular expression source (code-unit classes, ranges by code unit). */
function likeSource(pattern: string): string {
  const esc = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "%") out += "[^]*";
    else if (c === "_") out += "[^]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) throw new Error(`T-SQL: unclosed [ in LIKE pattern`);
      let body = pattern.slice(i + 1, end);
      let cls = "[";
      if (body.startsWith("^")) {
        cls += "^";
        body = body.slice(1);
      }
      for (let j = 0; j < body.length; j++) {
        if (body[j + 1] === "-" && j + 2 < body.length) {
          cls += `${esc(body[j]!)}-${esc(body[j + 2]!)}`;
          j += 2;
        } else cls += esc(body[j]!);
      }
      out += `${cls}]`;
      i = end;
    } else out += esc(c);
  }
  return out;
}

const like = (s: string, pattern: string): boolean => new RegExp(`^${likeSource(pattern)}$`).test(s);

function patindex(pattern: string, s: string): number {
  if (!pattern.startsWith("%") || !pattern.endsWith("%")) throw new Error("T-SQL: PATINDEX pattern without % at both ends");
  const m = new RegExp(likeSource(pattern.slice(1, -1))).exec(s);
  return m ? m.index + 1 : 0;
}

function len(v: Value): number {
  const s = textOf(v).replace(/ +$/, "");
  return collationOf(v)?.endsWith("_SC") ? [...s].length : s.length;
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  NCHAR: ([n]) => {
    const code = num(n!);
    if (code < 0 || code > 0xffff) throw new Error(`T-SQL: NCHAR(${code}) is NULL without an _SC collation`);
    return String.fromCharCode(code);
  },
  REPLICATE: ([s, n]) => textOf(s!).repeat(num(n!)),
  TRANSLATE: ([s, from, to]) => {
    const f = textOf(from!);
    const t = textOf(to!);
    if (f.length !== t.length) throw new Error("T-SQL: TRANSLATE arguments of different lengths");
    const map = new Map([...f].map((c, i) => [c, t[i]!]));
    const out = [...textOf(s!)].map((c) => map.get(c) ?? c).join("");
    return collationOf(s!) ? { text: out, collation: collationOf(s!)! } : out;
  },
  REPLACE: ([s, a, b]) => {
    const out = textOf(s!).split(textOf(a!)).join(textOf(b!));
    return collationOf(s!) ? { text: out, collation: collationOf(s!)! } : out;
  },
  LEFT: ([s, n]) => {
    if (num(n!) < 0) throw new Error("T-SQL: Invalid length parameter passed to the LEFT function");
    return textOf(s!).slice(0, num(n!));
  },
  PATINDEX: ([p, s]) => patindex(textOf(p!), textOf(s!)),
  LTRIM: ([s]) => textOf(s!).replace(/^ +/, ""),
  RTRIM: ([s]) => textOf(s!).replace(/ +$/, ""),
  LEN: ([s]) => len(s!),
  DATALENGTH: ([s]) => 2 * textOf(s!).length,
};

/** Evaluates a condition with `column` bound to `value`. */
export function evaluateTsql(expr: string, column: string, value: string): boolean {
  const all = [...expr.matchAll(/\s+|--[^\n]*|N'(?:[^']|'')*'|\[[^\]]+\]|\d+|[A-Za-z_][A-Za-z0-9_]*|<>|>=|<=|[(),+\-*=<>]/gy)].map((m) => m[0]);
  const read = all.join("").length;
  if (read !== expr.length) throw new Error(`T-SQL: cannot read ${JSON.stringify(expr.slice(read, read + 40))}`);
  const tokens = all.filter((t) => !/^\s|^--/.test(t));
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const upper = (): string => (peek() ?? "").toUpperCase();
  const take = (t?: string): string => {
    const tok = tokens[i++];
    if (tok === undefined || (t !== undefined && tok.toUpperCase() !== t)) throw new Error(`T-SQL: expected ${t ?? "a token"}, got ${tok}`);
    return tok;
  };

  const primary = (): Value => {
    const t = take();
    if (t === "(") {
      const v = or();
      take(")");
      return v;
    }
    if (t.startsWith("N'")) return t.slice(2, -1).replace(/''/g, "'");
    if (/^\d+$/.test(t)) return Number(t);
    if (t === `[${column}]`) return value;
    const name = t.toUpperCase();
    if (name === "CAST") {
      take("(");
      const v = additive();
      take("AS");
      take("NVARCHAR");
      take("(");
      const n = Number(take());
      take(")");
      take(")");
      const s = textOf(v);
      if (s.length > n) throw new Error("T-SQL: CAST truncates");
      return s;
    }
    const fn = FUNCTIONS[name];
    if (!fn) throw new Error(`T-SQL: unknown ${t}`);
    take("(");
    const args: Value[] = [];
    if (peek() !== ")") {
      args.push(additive());
      while (peek() === ",") {
        take(",");
        args.push(additive());
      }
    }
    take(")");
    return fn(args);
  };
  const collated = (): Value => {
    const v = primary();
    if (upper() !== "COLLATE") return v;
    take();
    return { text: textOf(v), collation: take() };
  };
  const multiplicative = (): Value => {
    let v = collated();
    while (peek() === "*") {
      take();
      v = num(v) * num(collated());
    }
    return v;
  };
  const additive = (): Value => {
    let v = multiplicative();
    while (peek() === "+" || peek() === "-") {
      const op = take();
      const r = multiplicative();
      if (op === "-") v = num(v) - num(r);
      else if (typeof v === "number" && typeof r === "number") v = v + r;
      else v = textOf(v) + textOf(r);
    }
    return v;
  };
  const comparison = (): Value => {
    const l = additive();
    const negate = upper() === "NOT" && ["LIKE", "IN"].includes((tokens[i + 1] ?? "").toUpperCase());
    if (negate) take();
    const op = upper();
    if (op === "LIKE") {
      take();
      return like(textOf(l), textOf(additive())) !== negate;
    }
    if (op === "IN") {
      take();
      take("(");
      const list = [additive()];
      while (peek() === ",") {
        take(",");
        list.push(additive());
      }
      take(")");
      return list.some((x) => textOf(x) === textOf(l)) !== negate;
    }
    if (["=", "<>", ">", "<", ">=", "<="].includes(op)) {
      take();
      const r = additive();
      const [a, b] = typeof l === "number" && typeof r === "number" ? [l, r] : [textOf(l), textOf(r)];
      return op === "=" ? a === b : op === "<>" ? a !== b : op === ">" ? a > b : op === "<" ? a < b : op === ">=" ? a >= b : a <= b;
    }
    return l;
  };
  const not = (): Value => {
    if (upper() === "NOT") {
      take();
      return !bool(not());
    }
    return comparison();
  };
  const and = (): Value => {
    let v = not();
    while (upper() === "AND") {
      take();
      const r = not();
      v = bool(v) && bool(r);
    }
    return v;
  };
  const or = (): Value => {
    let v = and();
    while (upper() === "OR") {
      take();
      const r = and();
      v = bool(v) || bool(r);
    }
    return v;
  };
  const result = bool(or());
  if (i !== tokens.length) throw new Error(`T-SQL: unread ${tokens.slice(i, i + 5).join(" ")}`);
  return result;
}

/** The conditions of the named CHECK constraints of a CREATE TABLE statement. */
export function checkConstraints(statement: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of statement.matchAll(/CONSTRAINT \[([^\]]+)\] CHECK \(/g)) {
    const start = m.index + m[0].length;
    let depth = 1;
    let j = start;
    while (depth > 0 && j < statement.length) {
      const c = statement[j++]!;
      if (c === "(") depth++;
      else if (c === ")") depth--;
      else if (c === "'") {
        // To the closing quote; '' inside a literal is a quote.
        while (j < statement.length && !(statement[j] === "'" && statement[j + 1] !== "'")) j += statement[j] === "'" ? 2 : 1;
        j++;
      }
    }
    out.set(m[1]!, statement.slice(start, j - 1));
  }
  return out;
}
