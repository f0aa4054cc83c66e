// The lecture's principles (course handout 中级电子商务师实务培训讲义), by their stable codes.
// Scenario goals, docs and tests cite these codes; an unknown code in a scenario is an error.
export const PRINCIPLES = {
  "P1.1a": "Navigation depth and search",
  "P1.1b": "Home banner serves conversion",
  "P1.1c": "Detail page logic: pain point → solution → trust → purchase guide",
  "P1.1d": "Mobile first",
  "P1.2a": "SKU planning",
  "P1.2b": "Lifecycle",
  "P1.2c": "Titles",
  "P1.2d": "Main image",
  "P1.2e": "Detail content",
  "P1.2f": "Pricing methods and price psychology",
  "P1.2g": "Promotions with cost/benefit",
  "P1.3a": "Order flow and exception handling",
  "P1.3b": "Standardised + personalised service",
  "P1.3c": "Feedback loop",
  "P2.1a": "Info-flow ads and programmatic buying",
  "P2.1b": "Content, KOL and KOC",
  "P2.1c": "Social platforms and communities",
  "P2.2a": "Content planning",
  "P2.2b": "Distribution and tracking",
  "P2.2c": "Participation and belonging",
  "P2.3a": "Owned audience",
  "P2.3b": "Respect the audience",
  "PX.a": "Data analysis drives decisions",
  "PX.b": "Multi-channel integration",
  "PX.c": "Team collaboration",
} as const;
export type PrincipleCode = keyof typeof PRINCIPLES;

export function isPrincipleCode(code: string): code is PrincipleCode {
  return Object.hasOwn(PRINCIPLES, code);
}
