// Reduced motion: the trainee's setting, or (on "auto") the system's prefers-reduced-motion.
import { appStore } from "./app";

export function systemPrefersReduced(): boolean {
  try {
    return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  } catch {
    return false;
  }
}

export function reducedMotion(): boolean {
  let m: "auto" | "full" | "reduced" = "auto";
  try {
    m = appStore().getState().settings.motion;
  } catch {
    /* no store yet (preloader): follow the system */
  }
  return m === "reduced" || (m === "auto" && systemPrefersReduced());
}
