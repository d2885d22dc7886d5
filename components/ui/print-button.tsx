"use client";

/** Prints the page (the shell is hidden by the print CSS: `.no-print`). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800"
      data-testid="print-button"
    >
      {label}
    </button>
  );
}
