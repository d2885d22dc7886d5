// An inbox entry in words, in the reader's language (pure: the inbox, the API and the robots'
// messages use it). `notifications.kinds.<kind>` words the event with its params; a kind
// without words, or words naming a param the event lacks, falls back to a generic sentence
// with the kind's short name — never a raw code or an unfilled `{placeholder}`.
import type { Locale } from "../i18n/config";
import { hasMessage, translate } from "../i18n/translate";

export type NotificationParams = Record<string, string | number>;

/** The params stored with a notification (JSON) as words can use them: strings and numbers only. */
export function notificationParams(value: unknown): NotificationParams {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: NotificationParams = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}

const has = (locale: Locale, key: string) => hasMessage(locale, key) || hasMessage("zh-CN", key);

/** The short name of a kind ("红灯预警"), or null when the catalogue has none. */
export function notificationKindName(locale: Locale, kind: string): string | null {
  const key = `notifications.kindNames.${kind}`;
  return /^\w+$/.test(kind) && has(locale, key) ? translate(locale, key) : null;
}

export function notificationMessage(locale: Locale, kind: string, params: NotificationParams): string {
  const key = `notifications.kinds.${kind}`;
  if (/^\w+$/.test(kind) && has(locale, key)) {
    const wanted = [...translate(locale, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    if (wanted.every((name) => name in params)) return translate(locale, key, params);
  }
  const name = notificationKindName(locale, kind);
  const project = typeof params.projectName === "string" && params.projectName ? params.projectName : null;
  if (name && project) return translate(locale, "notifications.generic.kindProject", { kind: name, project });
  if (name) return translate(locale, "notifications.generic.kind", { kind: name });
  if (project) return translate(locale, "notifications.generic.project", { project });
  return translate(locale, "notifications.generic.plain");
}
