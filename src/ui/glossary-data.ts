// The metrics of the glossary, in the order the screen and docs/GLOSSARY.md list them. Text lives in
// the dictionaries under gl.<id>.name / .formula / .unit.
export const GLOSSARY_IDS = [
  "uv",
  "pv",
  "ctr",
  "cvr",
  "aov",
  "gmv",
  "cart",
  "fav",
  "refund",
  "repurchase",
  "dsr",
  "roas",
  "ppc",
  "gross",
  "net",
  "turnover",
  "stockout",
] as const;
