"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useToast } from "./toast";

export type ActionOutcome = { ok: true } | { ok: false; error: { message: string; fields?: Record<string, string> } };

/**
 * Runs a server action from a small form: pending state, the refusal's message and field
 * messages, and a refresh of the page's server data when it succeeds.
 */
export function useAction() {
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [pending, start] = useTransition();
  /** Runs the action; on success `after`, the success message `success` (if any) and a refresh. */
  const run = (fn: () => Promise<ActionOutcome>, after?: () => void, success?: string) =>
    start(async () => {
      const res = await fn();
      if (res.ok) {
        setError(null);
        after?.();
        if (success) toast(success);
        router.refresh();
      } else setError({ message: res.error.message, fields: res.error.fields ?? {} });
    });
  /** The first field message, else the message. */
  const firstError = error ? (Object.values(error.fields)[0] ?? error.message) : null;
  return { error, firstError, pending, run };
}
