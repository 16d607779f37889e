// A random report with known hidden values, to test that the attacker is
// sound: individuals are drawn one by one (sex, age band, answers to five
// questions), every table is counted from them, and counts are hidden at
// random (1..minCell−1 always, others by chance) — no protection, so there
// is plenty to recover, and every interval the attacker gives must still hold
// the true value. Built from individuals, not from the attacker's relations,
// so a wrong relation shows up as a true value outside its interval.
import type { Figure, PublishedGroup, PublishedQuestion, PublishedRow, PublishedTable, Results } from "../../../compiler/results/published.js";

type Code = string | null;

interface Person {
  kon: Code;
  alder: Code;
  boende: Code;
  /** null: not answered; else the options chosen. */
  insatser: string[] | null;
  from: Code;
  to: Code;
  ar: number | null;
}

export interface RandomReport {
  results: Results;
  /** Every hidden count's true value, by the attacker's ids. */
  truth: Record<string, number>;
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KON = ["man", "kvinna", "annat"];
const ALDER = ["65_79", "80_89", "90_"];
const BOENDE = ["egen", "sarskilt", "annat"];
const INSATSER = ["hemtjanst", "larm", "mat"];
const STEG = ["1", "2", "3"];
const MIN_CELL = 5;

export function randomReport(seed: number, individuals: number, secondaryRate = 0.3): RandomReport {
  const rnd = random(seed);
  const pick = (codes: string[], weights: number[], missing: number): Code => {
    if (rnd() < missing) return null;
    let x = rnd() * weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < codes.length; i++) if ((x -= weights[i]!) < 0) return codes[i]!;
    return codes[codes.length - 1]!;
  };
  const people: Person[] = Array.from({ length: individuals }, () => ({
    kon: pick(KON, [48, 48, 2], 0.02),
    alder: pick(ALDER, [40, 45, 15], 0.03),
    boende: pick(BOENDE, [70, 25, 5], 0.1),
    insatser: rnd() < 0.1 ? null : INSATSER.filter(() => rnd() < 0.4),
    from: pick(STEG, [30, 50, 20], 0.1),
    to: pick(STEG, [25, 45, 30], 0.2),
    ar: rnd() < 0.1 ? null : 65 + Math.floor(rnd() * rnd() * 35),
  }));
  const truth: Record<string, number> = {};
  const hidden = { primary: 0, secondary: 0 };
  const figure = (id: string, v: number): Figure => {
    if ((v > 0 && v < MIN_CELL) || rnd() < secondaryRate) {
      truth[id] = v;
      hidden[v > 0 && v < MIN_CELL ? "primary" : "secondary"]++;
      return { value: null, hidden: "suppressed" };
    }
    return { value: v };
  };
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

  type Part = "kon" | "alder";
  const members: Record<Part, Code[]> = { kon: [...KON, null], alder: [...ALDER, null] };
  const splits: Part[][] = [[], ["kon"], ["alder"], ["kon", "alder"]];
  const member = (code: Code) => ({ code, label: code ?? "Uppgift saknas" });

  /** A question's tables: `rows` gives a group's row counts by key, `missing` who lacks a usable answer. */
  function question(
    name: string,
    analysis: PublishedQuestion["analysis"],
    population: Person[],
    missing: (p: Person) => boolean,
    rows: (g: Person[]) => [PublishedRow["key"], number][],
    multiple = false,
  ): PublishedQuestion {
    const tables: PublishedTable[] = splits.map((parts) => {
      const id = parts.length === 0 ? `${name}__total` : `${name}__by_${parts.join("__")}`;
      const combos = parts.reduce<Code[][]>((acc, p) => acc.flatMap((pre) => members[p].map((m) => [...pre, m])), [[]]);
      const groups: PublishedGroup[] = [];
      const out: PublishedRow[] = [];
      for (const combo of combos) {
        const label = `${id}{${parts.map((p, i) => `${p}=${combo[i] ?? "-"}`).join(",")}}`;
        const inGroup = population.filter((person) => parts.every((p, i) => person[p] === combo[i]));
        const split = combo.map(member);
        const size = figure(`${label}.size`, inGroup.length);
        const group: PublishedGroup = { split, size, missing: figure(`${label}.missing`, inGroup.filter(missing).length) };
        if (analysis === "summary") {
          const values = inGroup.filter((p) => !missing(p)).map((p) => p.ar!);
          group.n = figure(`${label}.n`, values.length);
          const shown = group.n.value !== null && values.length > 0;
          group.mean = shown ? { value: round(values.reduce((s, v) => s + v, 0) / values.length, 1) } : { value: null, hidden: "derived" };
          const sorted = [...values].sort((a, b) => a - b);
          const median = (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
          group.median = shown ? { value: round(median, 1) } : { value: null, hidden: "derived" };
        }
        groups.push(group);
        for (const [key, n] of rows(inGroup)) {
          const what = Object.entries(key)
            .map(([role, m]) => `${role}=${m!.code}`)
            .join(",");
          const nFigure = figure(`${label}.n[${what}]`, n);
          const share: Figure = nFigure.value !== null && size.value !== null ? { value: size.value === 0 ? 0 : round(n / size.value, 2) } : { value: null, hidden: "derived" };
          out.push({ split, key, n: nFigure, share });
        }
      }
      const split = parts.length === 0 ? null : { id: parts.join("__"), parts: parts.map((p) => ({ kind: "variable" as const, name: p, timepoint: "bedomning", label: p })) };
      return { id, split, groups, rows: out };
    });
    return { name, title: name, analysis, description: name, multiple, tables, notes: [] };
  }

  const count = (g: Person[], codes: string[], of: (p: Person) => Code, role: "category" = "category") =>
    codes.map((c): [PublishedRow["key"], number] => [{ [role]: member(c) }, g.filter((p) => of(p) === c).length]);
  const better = (f: string, t: string) => Number(t) > Number(f);
  const questions: PublishedQuestion[] = [
    question(
      "boende",
      "count",
      people,
      (p) => p.boende === null,
      (g) => count(g, BOENDE, (p) => p.boende),
    ),
    question(
      "insatser",
      "count",
      people,
      (p) => p.insatser === null,
      (g) => INSATSER.map((o) => [{ category: member(o) }, g.filter((p) => p.insatser?.includes(o)).length]),
      true,
    ),
    question(
      "adl",
      "change",
      people,
      (p) => p.from === null || p.to === null,
      (g) => {
        const both = g.filter((p) => p.from !== null && p.to !== null);
        const transitions = STEG.flatMap((f) => STEG.map((t): [PublishedRow["key"], number] => [{ from: member(f), to: member(t) }, both.filter((p) => p.from === f && p.to === t).length]));
        const outcome = (o: string, test: (p: Person) => boolean): [PublishedRow["key"], number] => [{ outcome: member(o) }, both.filter(test).length];
        return [...transitions, outcome("improved", (p) => better(p.from!, p.to!)), outcome("unchanged", (p) => p.from === p.to), outcome("worsened", (p) => better(p.to!, p.from!))];
      },
    ),
    question(
      "ar",
      "summary",
      people,
      (p) => p.ar === null,
      () => [],
    ),
    // A question over part of the population (`where alder != 65_79`): another total, so no shared population is assumed.
    question(
      "boende_aldre",
      "count",
      people.filter((p) => p.alder !== "65_79"),
      (p) => p.boende === null,
      (g) => count(g, BOENDE, (p) => p.boende),
    ),
  ];
  const results: Results = {
    plan: `random-${seed}`,
    title: "Slumpad rapport",
    language: "sv",
    minCell: MIN_CELL,
    precision: { share: 2, mean: 1 },
    source: "simulated",
    basis: { individuals: figure("basis.individuals", individuals), registrations: [], missing: [] },
    questions,
    protection: { method: "suppression", minCell: MIN_CELL, cells: 0, hiddenPrimary: hidden.primary, hiddenSecondary: hidden.secondary, audit: { narrowestRange: null, pinned: 0 }, statement: "" },
  };
  return { results, truth };
}
