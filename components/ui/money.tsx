"use client";
import { useTranslations } from "next-intl";
import { moneyParts, parseWanInput } from "@/lib/format";

/** An amount in 万元, as people read it: 万元 below 1 亿, 亿元 above (the one money formatter). */
export function Money({ wan }: { wan: string | null | undefined }) {
  const t = useTranslations("common.units");
  if (wan === null || wan === undefined || wan === "") return <>—</>;
  const { amount, unit } = moneyParts(wan);
  return (
    <span className="tabular-nums whitespace-nowrap">
      {amount} {t(unit)}
    </span>
  );
}

/** Under a 万元 input: what "1.2亿" or "12000万" will be saved as, before the save. */
export function MoneyHint({ value }: { value: string | undefined }) {
  const t = useTranslations("common.units");
  const v = (value ?? "").trim();
  if (!v || /^\d+(\.\d{1,2})?$/.test(v)) return null;
  const wan = parseWanInput(v);
  if (wan === null) return null;
  const { amount, unit } = moneyParts(wan);
  return (
    <p className="mt-0.5 text-xs text-slate-500" data-testid="money-hint">
      = {amount} {t(unit)}
    </p>
  );
}
