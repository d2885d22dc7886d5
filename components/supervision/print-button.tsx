"use client";
import { useTranslations } from "next-intl";

/** The browser's print dialog (A4; a PDF through "save as PDF"). */
export function PrintButton() {
  const t = useTranslations("plans");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      data-testid="print-button"
      className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800"
    >
      {t("printButton")}
    </button>
  );
}
