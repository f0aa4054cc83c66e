// Line breaking for mixed Chinese/Latin text. Phaser's default wrap only splits on spaces, so a
// Chinese sentence never wraps; this breaks between CJK characters and between Latin words, and
// keeps closing punctuation off the start of a line (basic 禁则 / kinsoku). Pure: no Phaser, no DOM.

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;
/** Characters that must not start a line. */
const NO_START = new Set([..."，。、；：！？）》」』】〕〉”’%,.;:!?)]}…·"]);
/** Characters that must not end a line. */
const NO_END = new Set([..."（《「『【〔〈“‘([{¥$"]);

/** Split into unbreakable tokens: one CJK character, or one Latin word with its trailing spaces. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = "";
  for (const ch of text) {
    if (CJK.test(ch) || NO_START.has(ch) || NO_END.has(ch)) {
      if (word) tokens.push(word);
      word = "";
      // Glue no-start punctuation to the previous token and no-end punctuation to the next one.
      if (NO_START.has(ch) && tokens.length > 0) tokens[tokens.length - 1] += ch;
      else tokens.push(ch);
    } else if (ch === " ") {
      word += ch;
      tokens.push(word);
      word = "";
    } else {
      word += ch;
    }
  }
  if (word) tokens.push(word);
  // Merge tokens that end with a no-end character into the following token.
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let tok = tokens[i] as string;
    while (i + 1 < tokens.length && NO_END.has(tok[tok.length - 1] as string)) tok += tokens[++i];
    out.push(tok);
  }
  return out;
}

/** Greedy line breaking of one paragraph or many (\n kept). `measure` returns the pixel width. */
export function breakLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const tok of tokenize(para)) {
      const candidate = line + tok;
      if (line !== "" && measure(candidate.trimEnd()) > maxWidth) {
        lines.push(line.trimEnd());
        line = tok.trimStart();
      } else {
        line = candidate;
      }
      // A single token wider than the line (a long URL or number): split it by characters.
      while (measure(line.trimEnd()) > maxWidth && [...line].length > 1) {
        const chars = [...line];
        let n = chars.length - 1;
        while (n > 1 && measure(chars.slice(0, n).join("")) > maxWidth) n--;
        lines.push(chars.slice(0, n).join(""));
        line = chars.slice(n).join("");
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
