import { cloneElement, isValidElement } from "react";

/**
 * A labelled form control with its field-level message (text in the page's language). A
 * required one has an asterisk by its label and `aria-required` on its control (one control
 * as the child; see `requiredFields` in lib/schemas.ts to take it from the form's schema).
 */
export function Field({
  label,
  htmlFor,
  error,
  required = false,
  children,
}: {
  label: string;
  htmlFor: string;
  error?: string;
  required?: boolean;
  children: React.ReactNode;
}) {
  const control =
    required && isValidElement<{ "aria-required"?: boolean }>(children)
      ? cloneElement(children, { "aria-required": true })
      : children;
  return (
    <div>
      <label htmlFor={htmlFor} className="block text-xs font-medium text-slate-600">
        {label}
        {required ? (
          <span aria-hidden className="ml-0.5 text-red-600" data-required-mark>
            *
          </span>
        ) : null}
      </label>
      <div className="mt-1">{control}</div>
      <FieldMessage htmlFor={htmlFor} message={error} />
    </div>
  );
}

/**
 * A field's message on its own, for controls that carry no visible label of their own
 * (a table row's inputs with aria-labels, a checkbox list): the same markup as in <Field>.
 */
export function FieldMessage({ htmlFor, message }: { htmlFor: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="mt-1 text-xs text-red-600" role="alert" data-field-error={htmlFor}>
      {message}
    </p>
  );
}

export const inputClass =
  "w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-brand-600 focus:outline-none";

/** A refusal that names no field of the form (shown once, above the submit button). */
export function FormError({
  message,
  className = "",
  testId,
}: {
  message: string | null | undefined;
  className?: string;
  testId?: string;
}) {
  if (!message) return null;
  return (
    <p role="alert" className={`rounded bg-red-50 px-3 py-2 text-sm text-red-700 ${className}`} data-testid={testId}>
      {message}
    </p>
  );
}
