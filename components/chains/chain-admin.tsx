"use client";
import { useTranslations } from "next-intl";
import { createChainAction, createIndustryAction, deleteLinkAction, saveLinkAction } from "@/app/(app)/chains/actions";
import { Field, FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction } from "@/components/ui/use-action";
import { useConfirm } from "@/components/ui/confirm";
import {
  createChainSchema,
  createIndustrySchema,
  createLinkSchema,
  industryKinds,
  positions,
  updateLinkSchema,
} from "@/lib/chains/schemas";

type ChainValues = { code: string; name: string; industryId: string; description: string };

export function NewChainForm({ industries }: { industries: { id: string; label: string }[] }) {
  const t = useTranslations("chains");
  const blank: ChainValues = { code: "", name: "", industryId: industries[0]?.id ?? "", description: "" };
  const { form, submit, error, fieldError, pending } = useSchemaForm<ChainValues>({
    schema: createChainSchema,
    defaultValues: blank,
    action: (values) => createChainAction(values),
    onSuccess: () => form.reset(blank),
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
      <Field label={t("code")} htmlFor="chain-code" error={fieldError("code")}>
        <input id="chain-code" className={`${inputClass} w-36`} {...form.register("code")} />
      </Field>
      <Field label={t("name")} htmlFor="chain-name" error={fieldError("name")}>
        <input id="chain-name" className={inputClass} {...form.register("name")} />
      </Field>
      <Field label={t("industry")} htmlFor="chain-industryId" error={fieldError("industryId")}>
        <select id="chain-industryId" className={inputClass} {...form.register("industryId")}>
          {industries.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("description")} htmlFor="chain-description" error={fieldError("description")}>
        <input id="chain-description" className={`${inputClass} w-72`} {...form.register("description")} />
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
      >
        {t("create")}
      </button>
      <FormError message={error} className="w-full" />
    </form>
  );
}

type LinkRow = {
  id: string;
  name: string;
  position: string;
  parentId: string | null;
  targetCount: number;
  importance: number;
  sortOrder: number;
  version: number;
};

type LinkValues = {
  name: string;
  position: string;
  parentId: string;
  targetCount: string;
  importance: string;
  sortOrder: string;
  /** Only when editing a link: the version it was read at. */
  version?: number;
};

/**
 * One link's editable row (name, position, parent, target, importance), or the row that
 * adds one. A <tr> cannot hold a <form>: the inputs stay in the row and the button submits.
 */
export function LinkEditor({
  chainId,
  link,
  all,
}: {
  chainId: string;
  link: LinkRow | null;
  all: { id: string; name: string }[];
}) {
  const t = useTranslations("chains");
  const tc = useTranslations("common");
  const { confirm, dialog } = useConfirm();
  const del = useAction();
  const blank: LinkValues = {
    name: "",
    position: "UPSTREAM",
    parentId: "",
    targetCount: "1",
    importance: "3",
    sortOrder: "0",
  };
  const { form, submit, error, fieldError, pending } = useSchemaForm<LinkValues>({
    schema: link ? updateLinkSchema : createLinkSchema,
    defaultValues: link
      ? {
          name: link.name,
          position: link.position,
          parentId: link.parentId ?? "",
          targetCount: String(link.targetCount),
          importance: String(link.importance),
          sortOrder: String(link.sortOrder),
          version: link.version,
        }
      : blank,
    action: (values) => saveLinkAction(chainId, link?.id ?? null, values),
    // A saved link comes back as a new row (its key holds the version); the new-link row empties.
    onSuccess: () => (link ? undefined : form.reset(blank)),
  });
  const id = (field: keyof LinkValues) => `link-${link?.id ?? "new"}-${field}`;
  const numberCell = (field: keyof LinkValues, label: string, width: string) => (
    <td className="px-2 py-1">
      <input
        id={id(field)}
        aria-label={label}
        className={`${inputClass} ${width}`}
        inputMode="numeric"
        {...form.register(field)}
      />
      <FieldMessage htmlFor={id(field)} message={fieldError(field)} />
    </td>
  );
  const busy = pending || del.pending;
  return (
    <tr className="align-top" data-link-row={link?.name ?? "new"}>
      <td className="px-2 py-1">
        <input id={id("name")} aria-label={t("name")} className={inputClass} {...form.register("name")} />
        <FieldMessage htmlFor={id("name")} message={fieldError("name")} />
      </td>
      <td className="px-2 py-1">
        <select id={id("position")} aria-label={t("position")} className={inputClass} {...form.register("position")}>
          {positions.map((p) => (
            <option key={p} value={p}>
              {t(`positions.${p}`)}
            </option>
          ))}
        </select>
        <FieldMessage htmlFor={id("position")} message={fieldError("position")} />
      </td>
      <td className="px-2 py-1">
        <select id={id("parentId")} aria-label={t("parent")} className={inputClass} {...form.register("parentId")}>
          <option value="">{t("noParent")}</option>
          {all
            .filter((o) => o.id !== link?.id)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
        <FieldMessage htmlFor={id("parentId")} message={fieldError("parentId")} />
      </td>
      {numberCell("targetCount", t("target"), "w-16")}
      {numberCell("importance", t("importance"), "w-16")}
      <td className="px-2 py-1 whitespace-nowrap">
        <button
          type="button"
          disabled={busy}
          onClick={submit}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
        >
          {link ? t("save") : t("addLink")}
        </button>
        {link ? (
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              const ok = await confirm({
                title: t("confirmDeleteLink", { name: link.name }),
                body: t("confirmDeleteLinkBody"),
                confirmLabel: t("delete"),
                destructive: true,
              });
              if (ok) del.run(() => deleteLinkAction(chainId, link.id), undefined, tc("deleted"));
            }}
            className="ml-2 text-xs text-red-700 hover:underline"
          >
            {t("delete")}
          </button>
        ) : null}
        {dialog}
        {/* sortOrder and version have no input in the row: their messages show here. */}
        <FormError
          message={error ?? fieldError("sortOrder") ?? fieldError("version") ?? del.firstError}
          className="mt-1 whitespace-normal"
        />
      </td>
    </tr>
  );
}

type IndustryValues = { code: string; name: string; kind: string };

/** Adds an industry: one of the 十强产业 or a district cluster (产业集群). */
export function NewIndustryForm() {
  const t = useTranslations("chains");
  const blank: IndustryValues = { code: "", name: "", kind: "CLUSTER" };
  const { form, submit, error, fieldError, pending } = useSchemaForm<IndustryValues>({
    schema: createIndustrySchema,
    defaultValues: blank,
    action: (values) => createIndustryAction(values),
    onSuccess: () => form.reset(blank),
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
      <Field label={t("code")} htmlFor="industry-code" error={fieldError("code")}>
        <input id="industry-code" className={`${inputClass} w-36`} {...form.register("code")} />
      </Field>
      <Field label={t("name")} htmlFor="industry-name" error={fieldError("name")}>
        <input id="industry-name" className={inputClass} {...form.register("name")} />
      </Field>
      <Field label={t("industryKind")} htmlFor="industry-kind" error={fieldError("kind")}>
        <select id="industry-kind" className={inputClass} {...form.register("kind")}>
          {industryKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
      >
        {t("create")}
      </button>
      <FormError message={error} className="w-full" />
    </form>
  );
}
