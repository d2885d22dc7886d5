"use client";
import { useTranslations } from "next-intl";

/** A labelled form control with its field-level message (a catalogue key or text). */
export function Field({
  label,
  htmlFor,
  error,
  children,
}: {
  label: string;
  htmlFor: string;
  error?: string;
  children: React.ReactNode;
}) {
  const t = useTranslations();
  const message = error ? (t.has(error as never) ? t(error as never) : error) : undefined;
  return (
    <div>
      <label htmlFor={htmlFor} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {message ? (
        <p className="mt-1 text-xs text-red-600" role="alert" data-field-error={htmlFor}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-brand-600 focus:outline-none";
