"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FieldMessage } from "@/components/ui/field";
import { schemaResolver, useCatalogue } from "@/components/ui/schema-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { credentialsSchema } from "@/lib/auth/schemas";

type Values = { username: string; password: string };

const inputCls =
  "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

/**
 * Signs in with next-auth's credentials provider (not a server action, so react-hook-form
 * with the schema's resolver rather than useSchemaForm); the provider parses the same schema.
 */
export function LoginForm({ callbackUrl, expired }: { callbackUrl?: string; expired?: boolean }) {
  const t = useTranslations("login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(expired ? t("expired") : null);
  // Stays true after a successful sign-in while the next page loads.
  const [signedIn, setSignedIn] = useState(false);
  const form = useForm<Values, unknown, Values>({
    resolver: schemaResolver<Values>(credentialsSchema, useCatalogue()),
    defaultValues: { username: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || signedIn;

  const onSubmit = form.handleSubmit(
    async ({ username, password }) => {
      setError(null);
      const res = await signIn("credentials", { username, password, redirect: false });
      if (res?.ok && !res.error) {
        setSignedIn(true);
        router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
        router.refresh();
        return;
      }
      const [code, wait] = (res?.error ?? "").split(":");
      setError(
        code === "ACCOUNT_LOCKED"
          ? t("locked", { minutes: wait || "1" })
          : code === "RATE_LIMITED"
            ? t("rateLimited", { minutes: Math.max(1, Math.ceil(Number(wait || 60) / 60)) })
            : t("invalid"),
      );
    },
    () => setError(null),
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="block text-sm font-medium text-slate-700">
          {t("username")}
        </label>
        <input
          id="username"
          autoComplete="username"
          autoFocus
          className={inputCls}
          {...form.register("username", { setValueAs: (v: string) => v.trim() })}
        />
        <FieldMessage htmlFor="username" message={errors.username?.message} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t("password")}
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          className={inputCls}
          {...form.register("password")}
        />
        <FieldMessage htmlFor="password" message={errors.password?.message} />
      </div>
      {error && (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
