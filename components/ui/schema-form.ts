"use client";
import { highlightSaved, savedIdOf } from "./saved-highlight";
import { toNestErrors } from "@hookform/resolvers";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
} from "react-hook-form";
import type { z } from "zod";
import { useToast } from "@/components/ui/toast";
import type { ActionError, ActionResult } from "@/lib/auth/action";
import { fieldMessagesOf, fieldText, issueKey, type Catalogue } from "@/lib/i18n/field-messages";
import { labelsOf } from "@/lib/schemas";

/** The browser's catalogue (next-intl) as the field-message wording needs it. */
export function useCatalogue(): Catalogue {
  const t = useTranslations();
  return { has: (key) => t.has(key as never), t: (key, params) => t(key as never, params as never) };
}

/**
 * react-hook-form's resolver for a domain schema (lib/<area>/schemas.ts): the same parse as
 * the server's parseInput, with the same field messages in the page's language. The form
 * keeps its raw values; the server action parses them again with the same schema.
 */
export function schemaResolver<V extends FieldValues>(schema: z.ZodType, cat: Catalogue): Resolver<V, unknown, V> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values, { error: issueKey });
    if (result.success) return { values, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const [path, message] of Object.entries(fieldMessagesOf(result.error.issues, labelsOf(schema))))
      errors[path] = { type: "validation", message: fieldText(cat, path, message) };
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/**
 * The one way to write a form: react-hook-form with the domain's schema checked in the
 * browser, then the server action (which checks it again). Field messages from the server
 * land on their fields (errors once, at the field); a refusal naming no field on the form
 * (409, 403, a rule without fields) shows once as `error`;
 * on success the page's server data is refreshed and `onSuccess` runs.
 */
export function useSchemaForm<V extends FieldValues>({
  schema,
  defaultValues,
  action,
  onSuccess,
  onRefused,
  success,
}: {
  schema: z.ZodType<unknown, V> | z.ZodType;
  defaultValues: DefaultValues<V>;
  action: (values: V) => Promise<ActionResult<unknown>>;
  onSuccess?: (data: unknown, values: V) => void;
  /** A refusal the form answers itself (e.g. suspected duplicates): return true when handled. */
  onRefused?: (error: ActionError) => boolean;
  /** What to say after a save (the one success message); "已保存" unless given, null for nothing. */
  success?: string | null | ((data: unknown) => string);
}) {
  const cat = useCatalogue();
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<V, unknown, V>({ resolver: schemaResolver<V>(schema, cat), defaultValues });
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const res = await action(values);
    if (res.ok) {
      onSuccess?.(res.data, values);
      if (success !== null)
        toast(typeof success === "function" ? success(res.data) : (success ?? cat.t("common.saved")));
      const saved = savedIdOf(res.data);
      if (saved) highlightSaved(saved);
      router.refresh();
      return;
    }
    if (onRefused?.(res.error)) return;
    const fields = Object.entries(res.error.fields ?? {});
    const onForm = fields.filter(([path]) => path.split(".")[0] in (defaultValues as object));
    for (const [path, message] of onForm) form.setError(path as Path<V>, { message });
    const elsewhere = fields.filter((f) => !onForm.includes(f)).map(([, m]) => m);
    // Errors once, at the field: the form-level message only when no field of the form says it.
    if (onForm.length === 0 || elsewhere.length) setError([res.error.message, ...elsewhere].join("："));
  });
  /** The message of a field (nested paths like "contacts.0.name" included). */
  const fieldError = (path: string): string | undefined => {
    let node: unknown = form.formState.errors;
    for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as FieldErrors[string] | undefined)?.message as string | undefined;
  };
  return { form, submit, error, setError, fieldError, pending: form.formState.isSubmitting };
}
