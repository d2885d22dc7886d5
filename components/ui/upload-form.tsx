"use client";
import { highlightSaved, savedIdOf } from "./saved-highlight";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useToast } from "./toast";

/**
 * A multipart upload to a JSON API route (the same use-case as other systems use, and no
 * server-action size cap): the file's field message or the refusal shown under the form,
 * the page refreshed and the success message (`success`, if any) shown when it lands.
 */
export function UploadForm({
  url,
  children,
  submitLabel,
  testId,
  success,
}: {
  url: string;
  children: React.ReactNode;
  submitLabel: string;
  testId?: string;
  success?: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        start(async () => {
          const res = await fetch(url, { method: "POST", body: data });
          if (res.ok) {
            setError(null);
            form.reset();
            if (success) toast(success);
            const saved = savedIdOf(await res.json().catch(() => null));
            if (saved) highlightSaved(saved);
            router.refresh();
          } else {
            const body = await res.json().catch(() => null);
            setError(body?.error?.fields?.file ?? body?.error?.message ?? res.statusText);
          }
        });
      }}
    >
      {children}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-60"
      >
        {submitLabel}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-600" data-testid="upload-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
