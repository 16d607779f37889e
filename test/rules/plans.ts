// Plan texts the rule tests build on (test/rules/*.test.ts).

/** A plan head with one time point and a nominal value set with an other answer. */
export const HEAD = `plan exempel "Exempel" {
  language sv
  purpose "Att prova en regel."
}
timepoint bedomning "Bedömning" { when "vid utredning" }
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
`;

/** HEAD without its value set. */
export const HEAD_NO_VALUESET = HEAD.replace(/valueset kon[\s\S]*$/, "");
