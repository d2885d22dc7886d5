"use client";
import { useTranslations } from "next-intl";
import { moneyParts } from "@/lib/format";

/** The one money formatter as plain text (for SVG labels and titles, where a <span> cannot go). */
export function useMoneyText() {
  const t = useTranslations("common.units");
  return (wan: string) => {
    const { amount, unit } = moneyParts(wan);
    return `${amount} ${t(unit)}`;
  };
}
