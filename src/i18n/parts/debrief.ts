// Strings for the debrief screens/panels. `zh` defines the keys; `en` must have exactly the same ones.
export const zh = {
  // Storefront (shop world): SKUs that are not on sale are not "sold out".
  "world.notListed": "未上架",
  "world.delisted": "已下架",
} satisfies Record<string, string>;
export const en: Record<keyof typeof zh, string> = {
  "world.notListed": "Not listed",
  "world.delisted": "Delisted",
};
