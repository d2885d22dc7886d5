import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import type { Locale } from "./config";
import type { Catalogue } from "./field-messages";

export const catalogues: Record<Locale, typeof zhCN> = { "zh-CN": zhCN, en };

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function hasMessage(locale: Locale, key: string): boolean {
  return lookup(catalogues[locale] as Tree, key) !== undefined;
}

/** Translation outside React (API errors, exports): `{name}` placeholders only. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = lookup(catalogues[locale] as Tree, key) ?? lookup(catalogues["zh-CN"] as Tree, key) ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The catalogue of a locale as the field-message wording needs it. */
export function catalogueOf(locale: Locale): Catalogue {
  return { has: (key) => hasMessage(locale, key), t: (key, params) => translate(locale, key, params) };
}
