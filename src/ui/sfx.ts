// Sound effects synthesised with the Web Audio API at runtime (no audio files): a soft click, a
// cash-register "ka-ching" for sales, a chime for the end of a week and a low buzz for errors.
// The AudioContext is created on the first sound, which always follows a user gesture.
import { appStore } from "./app";

export type Sfx = "click" | "cash" | "chime" | "error";

let ctx: AudioContext | null = null;
let played = 0;

function audio(): AudioContext | null {
  if (ctx) return ctx;
  const AC = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!AC) return null;
  try {
    ctx = new AC();
  } catch {
    return null;
  }
  return ctx;
}

function tone(
  ac: AudioContext,
  out: AudioNode,
  freq: number,
  start: number,
  dur: number,
  type: OscillatorType,
  gain: number,
): void {
  const o = ac.createOscillator();
  const g = ac.createGain();
  o.type = type;
  o.frequency.setValueAtTime(freq, start);
  g.gain.setValueAtTime(0.0001, start);
  g.gain.exponentialRampToValueAtTime(gain, start + 0.008);
  g.gain.exponentialRampToValueAtTime(0.0001, start + dur);
  o.connect(g).connect(out);
  o.start(start);
  o.stop(start + dur + 0.02);
}

function noise(ac: AudioContext, out: AudioNode, start: number, dur: number, gain: number): void {
  const len = Math.max(1, Math.floor(ac.sampleRate * dur));
  const buf = ac.createBuffer(1, len, ac.sampleRate);
  const d = buf.getChannelData(0);
  // A fixed pseudo-random sequence: the sound is the same every time (and no Math.random needed).
  let x = 12345;
  for (let i = 0; i < len; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    d[i] = ((x / 0x7fffffff) * 2 - 1) * (1 - i / len);
  }
  const src = ac.createBufferSource();
  src.buffer = buf;
  const g = ac.createGain();
  g.gain.value = gain;
  const hp = ac.createBiquadFilter();
  hp.type = "highpass";
  hp.frequency.value = 2500;
  src.connect(hp).connect(g).connect(out);
  src.start(start);
}

/** Plays a sound at the volume in settings (nothing when muted or without Web Audio). */
export function playSfx(kind: Sfx): void {
  let volume = 0;
  try {
    const s = appStore().getState().settings;
    volume = s.sfx ? s.volume : 0;
  } catch {
    return;
  }
  if (volume <= 0) return;
  const ac = audio();
  if (!ac) return;
  if (ac.state === "suspended") void ac.resume();
  played++;
  const master = ac.createGain();
  master.gain.value = volume * 0.5;
  master.connect(ac.destination);
  const t0 = ac.currentTime + 0.01;
  switch (kind) {
    case "click":
      tone(ac, master, 880, t0, 0.05, "triangle", 0.25);
      break;
    case "cash":
      noise(ac, master, t0, 0.06, 0.25);
      tone(ac, master, 1568, t0 + 0.05, 0.25, "square", 0.12);
      tone(ac, master, 2093, t0 + 0.12, 0.45, "sine", 0.3);
      break;
    case "chime":
      [523.25, 659.25, 783.99, 1046.5].forEach((f, i) => {
        tone(ac, master, f, t0 + i * 0.11, 0.6, "sine", 0.28);
      });
      break;
    case "error":
      tone(ac, master, 140, t0, 0.22, "sawtooth", 0.18);
      break;
  }
}

/** How many sounds have been played (for tests). */
export function sfxCount(): number {
  return played;
}
