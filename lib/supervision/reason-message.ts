// No "server-only" marker: pure wording, also used by the weekly bulletin, which the demo
// seed (a plain Node script) generates.
import { moneyParts } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import type { WarningReason } from "./warning-rules";

/** A reason in words, in the reader's language (warnings.reasons.<code> with its numbers). */
export function reasonMessage(r: WarningReason, locale: Locale): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.numbers)) {
    if (k === "stage") params[k] = translate(locale, `stages.${v}`);
    else if (k === "investment") {
      const { amount, unit } = moneyParts(String(v));
      params[k] = `${amount} ${translate(locale, `common.units.${unit}`)}`;
    } else params[k] = v;
  }
  return translate(locale, `warnings.reasons.${r.code}`, params);
}
