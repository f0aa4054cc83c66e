// Strings for the promotion screens/panels. `zh` defines the keys; `en` must have exactly the same ones.
export const zh = {} satisfies Record<string, string>;
export const en: Record<keyof typeof zh, string> = {};
