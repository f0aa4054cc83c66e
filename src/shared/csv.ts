// Shared by the server (instructor export), the game (offline ranking screen) and the CLI: pure, no Node, no DOM.
// CSV export for spreadsheets: UTF-8 with a BOM (so Excel shows Chinese), CRLF lines, every cell
// quoted, and cells that a spreadsheet would read as a formula (= + - @, tab, CR) prefixed with '.
export const BOM = "\uFEFF";

export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}

/** Numbers are written as numbers (negative ones too); text is neutralised. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = rows.map((row) =>
    row
      .map((c) => {
        if (c === null) return "";
        if (typeof c === "number") return Number.isFinite(c) ? String(c) : "";
        return quote(neutralise(c));
      })
      .join(","),
  );
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
