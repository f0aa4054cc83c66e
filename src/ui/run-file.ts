// Run files in and out of the browser: download the current run as JSON, and pick a file to import
// through a hidden <input type=file> (id "shopsim-import", so tests can set files on it).
import type { RunFile } from "../engine";
import { downloadBlob } from "./challenge-ui";

export function runFileName(run: RunFile): string {
  const safeSeed = run.seed.replace(/[^\w-]+/g, "_").slice(0, 40);
  return `shopsim-${run.scenario.id}-${safeSeed}-w${run.turns.length}.json`;
}

/** Starts a download of `json` as `file`. */
export function downloadJson(json: string, file: string): void {
  downloadBlob(new Blob([json], { type: "application/json" }), file);
}

let onPicked: ((text: string, name: string) => void) | null = null;

function input(): HTMLInputElement {
  let el = document.getElementById("shopsim-import") as HTMLInputElement | null;
  if (!el) {
    el = document.createElement("input");
    el.type = "file";
    el.id = "shopsim-import";
    el.accept = ".json,application/json";
    el.style.display = "none";
    el.addEventListener("change", () => {
      const f = el?.files?.[0];
      if (!f || !el) return;
      const name = f.name;
      void f.text().then((text) => {
        if (el) el.value = "";
        onPicked?.(text, name);
      });
    });
    document.body.appendChild(el);
  }
  return el;
}

/** Makes sure the input exists and routes picked files to `handler` (the current screen). */
export function armImport(handler: (text: string, name: string) => void): void {
  onPicked = handler;
  input();
}

export function disarmImport(): void {
  onPicked = null;
}

/** Opens the browser's file picker. */
export function pickRunFile(): void {
  input().click();
}
