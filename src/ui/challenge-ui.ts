// Shared pieces of the challenge screens: the challenge store (created on first use from the
// game store), a DOM text input placed in Phaser's DOM container (Phaser has no text input; the
// value is read as plain text and never rendered as HTML), error messages, downloads.
import Phaser from "phaser";
import { errorText, hasKey, t } from "../i18n";
import type { ApiFailure } from "../store/challenge-api";
import { type ChallengeStore, type ChallengeStoreApi, createChallengeStore } from "../store/challenge-store";
import { appStore } from "./app";
import { registerTarget } from "./test-hook";
import { C, css, FONT_STACK, FS, RADIUS } from "./theme";

let storeRef: ChallengeStoreApi | null = null;

declare global {
  interface Window {
    /** The challenge store, for browser tests (read-only use). */
    __shopsimChallenge?: ChallengeStoreApi;
  }
}

export function challengeStore(): ChallengeStoreApi {
  if (!storeRef) {
    storeRef = createChallengeStore(appStore());
    if (typeof window !== "undefined") window.__shopsimChallenge = storeRef;
  }
  return storeRef;
}

/** Subscribes to the challenge store for the life of a scene. */
export function watchChallenge(scene: Phaser.Scene, listener: (s: ChallengeStore, prev: ChallengeStore) => void): void {
  const unsub = challengeStore().subscribe(listener);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, unsub);
}

/** A failure from the API in the player's language. */
export function apiErrorText(e: ApiFailure | null): string {
  if (!e) return "";
  if (e.key && hasKey(e.key)) return errorText({ key: e.key, params: e.params ?? {}, message: e.message });
  const k = `api.err.${e.code}`;
  if (hasKey(k)) return t(k);
  return t("api.err.other", { message: e.message });
}

export interface TextInputOpts {
  id: string;
  x: number;
  y: number;
  w: number;
  h?: number;
  value: string;
  placeholder?: string;
  maxLength?: number;
  upper?: boolean;
  onChange?: (v: string) => void;
  onEnter?: (v: string) => void;
}

/** A real <input> over the canvas, scaled with it. Returns the element. */
export function addTextInput(scene: Phaser.Scene, o: TextInputOpts): HTMLInputElement {
  const h = o.h ?? 44;
  const frame = scene.add.rectangle(o.x, o.y, o.w, h, C.bgDeep).setOrigin(0, 0).setRounded(RADIUS);
  frame.setStrokeStyle(1, C.line);
  registerTarget(o.id, frame);
  const el = document.createElement("input");
  el.type = "text";
  el.value = o.value;
  el.autocomplete = "off";
  el.spellcheck = false;
  el.setAttribute("data-testid", o.id);
  el.setAttribute("aria-label", o.placeholder ?? o.id);
  if (o.placeholder) el.placeholder = o.placeholder;
  if (o.maxLength) el.maxLength = o.maxLength;
  Object.assign(el.style, {
    width: `${o.w - 4}px`,
    height: `${h - 4}px`,
    boxSizing: "border-box",
    padding: "0 12px",
    border: "none",
    outline: "none",
    borderRadius: `${RADIUS}px`,
    background: css(C.bgDeep),
    color: css(C.text),
    caretColor: css(C.accentHi),
    font: `${FS.h3}px ${FONT_STACK}`,
    letterSpacing: o.upper ? "0.2em" : "normal",
    textTransform: o.upper ? "uppercase" : "none",
  });
  el.addEventListener("focus", () => frame.setStrokeStyle(2, C.focus));
  el.addEventListener("blur", () => frame.setStrokeStyle(1, C.line));
  el.addEventListener("input", () => o.onChange?.(el.value));
  el.addEventListener("keydown", (ev) => {
    ev.stopPropagation();
    if (ev.key === "Enter") o.onEnter?.(el.value);
  });
  scene.add.dom(o.x + 2, o.y + 2, el).setOrigin(0, 0);
  return el;
}

/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, file: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "12:03:45" from an ISO time (the browser's local time). */
export function clock(iso: string | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** "2026-12-01 18:00" (local) for deadlines. */
export function dateTime(iso: string | null): string {
  if (!iso) return t("ch.noDeadline");
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function difficultyText(d: string): string {
  return hasKey(`ch.difficulty.${d}`) ? t(`ch.difficulty.${d}`) : d;
}
