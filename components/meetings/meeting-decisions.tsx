"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { addDecisionAction } from "@/app/(app)/supervision/meetings/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { addDecisionSchema } from "@/lib/meetings/schemas";
import { problemCategories } from "@/lib/problems/problem-machine";

export type ItemDecisionsData = {
  problems: { id: string; title: string; state: string; dueDate: string | null; department: { name: string } }[];
  notices: {
    id: string;
    number: string;
    subject: string;
    state: string;
    resolveDue: string | null;
    owner: { name: string | null };
  }[];
};
export type DecisionOptions = {
  departments: { code: string; name: string }[];
  projects: { id: string; name: string }[];
  noticeDays: { reply: number; resolve: number };
};

type Values = {
  agendaItemId: string;
  type: "PROBLEM" | "NOTICE";
  projectId?: string;
  reason?: string;
  problem: { title: string; category: string; department: string; dueDate: string; description: string };
  notice: { subject: string; content: string; replyDays: number | string; resolveDays: number | string };
};

/** The decisions on one agenda item (problems and notices with their state, linked), and the form that adds one. */
export function ItemDecisions({
  meetingId,
  itemId,
  itemProjectId,
  closed,
  decisions,
  options,
}: {
  meetingId: string;
  itemId: string;
  itemProjectId: string | null;
  closed: boolean;
  decisions: ItemDecisionsData;
  options: DecisionOptions;
}) {
  const t = useTranslations("meetings");
  const tp = useTranslations("problems");
  const tn = useTranslations("notices");
  const [open, setOpen] = useState(false);
  const none = decisions.problems.length + decisions.notices.length === 0;
  return (
    <div className="rounded bg-slate-50 p-2" data-testid="item-decisions">
      <p className="text-xs font-semibold text-slate-600">{t("agenda.decisions")}</p>
      {none ? <p className="text-xs text-slate-500">{t("agenda.noDecisions")}</p> : null}
      <ul className="text-sm">
        {decisions.problems.map((p) => (
          <li key={p.id}>
            <span className="mr-1 rounded bg-amber-100 px-1 text-xs">{t("decisionTypes.PROBLEM")}</span>
            <Link href={`/supervision/problems/${p.id}`} className="text-brand-700 hover:underline">
              {p.title}
            </Link>{" "}
            <span className="text-xs text-slate-600">
              {t("decision.owner")}：{p.department.name} · {t("decision.due")}：{p.dueDate} · {tp(`states.${p.state}`)}
            </span>
          </li>
        ))}
        {decisions.notices.map((n) => (
          <li key={n.id}>
            <span className="mr-1 rounded bg-red-100 px-1 text-xs">{t("decisionTypes.NOTICE")}</span>
            <Link href={`/supervision/notices/${n.id}`} className="text-brand-700 hover:underline">
              {n.number} {n.subject}
            </Link>{" "}
            <span className="text-xs text-slate-600">
              {t("decision.owner")}：{n.owner.name ?? "—"} · {t("decision.due")}：{n.resolveDue} ·{" "}
              {tn(`states.${n.state}`)}
            </span>
          </li>
        ))}
      </ul>
      {open ? (
        <DecisionForm
          meetingId={meetingId}
          itemId={itemId}
          itemProjectId={itemProjectId}
          closed={closed}
          options={options}
          onDone={() => setOpen(false)}
        />
      ) : (
        <button
          type="button"
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100"
          onClick={() => setOpen(true)}
          data-testid="add-decision"
        >
          {t("decision.add")}
        </button>
      )}
    </div>
  );
}

/**
 * A decision: a problem for a department with a due date, or a 督办通知 with its working days.
 * Not a <form> of its own (it sits inside the meeting's form): its button submits it.
 */
function DecisionForm({
  meetingId,
  itemId,
  itemProjectId,
  closed,
  options,
  onDone,
}: {
  meetingId: string;
  itemId: string;
  itemProjectId: string | null;
  closed: boolean;
  options: DecisionOptions;
  onDone: () => void;
}) {
  const t = useTranslations("meetings");
  const tp = useTranslations("problems");
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: addDecisionSchema,
    defaultValues: {
      agendaItemId: itemId,
      type: "PROBLEM",
      projectId: itemProjectId ?? "",
      reason: "",
      problem: { title: "", category: "LAND", department: "", dueDate: "", description: "" },
      notice: {
        subject: "",
        content: "",
        replyDays: options.noticeDays.reply,
        resolveDays: options.noticeDays.resolve,
      },
    },
    action: (values) => addDecisionAction(meetingId, values),
    success: t("decision.done"),
    onSuccess: onDone,
  });
  const type = form.watch("type");
  const id = (name: string) => `decision-${itemId}-${name}`;
  // Enter in a field must not save the meeting's form around this one.
  const keepEnter = (e: React.KeyboardEvent) => {
    if (e.key === "Enter" && (e.target as HTMLElement).tagName !== "TEXTAREA") e.preventDefault();
  };
  return (
    <div
      className="mt-2 space-y-2 rounded border border-slate-200 bg-white p-3"
      onKeyDown={keepEnter}
      data-testid="decision-form"
    >
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t("decision.type")}</legend>
        <label className="flex items-center gap-1">
          <input type="radio" value="PROBLEM" {...form.register("type")} /> {t("decision.problem")}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" value="NOTICE" {...form.register("type")} /> {t("decision.notice")}
        </label>
      </fieldset>
      {!itemProjectId ? (
        <Field label={t("decision.project")} htmlFor={id("project")} error={fieldError("projectId")} required>
          <select id={id("project")} className={inputClass} {...form.register("projectId")}>
            <option value="">{t("decision.chooseProject")}</option>
            {options.projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {type === "PROBLEM" ? (
        <div className="grid gap-2 md:grid-cols-2">
          <Field label={t("decision.title")} htmlFor={id("title")} error={fieldError("problem.title")} required>
            <input id={id("title")} className={inputClass} {...form.register("problem.title")} />
          </Field>
          <Field
            label={t("decision.category")}
            htmlFor={id("category")}
            error={fieldError("problem.category")}
            required
          >
            <select id={id("category")} className={inputClass} {...form.register("problem.category")}>
              {problemCategories.map((c) => (
                <option key={c} value={c}>
                  {tp(`categories.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("decision.department")}
            htmlFor={id("department")}
            error={fieldError("problem.department")}
            required
          >
            <select id={id("department")} className={inputClass} {...form.register("problem.department")}>
              <option value="">{t("decision.chooseDepartment")}</option>
              {options.departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("decision.dueDate")} htmlFor={id("dueDate")} error={fieldError("problem.dueDate")} required>
            <input id={id("dueDate")} type="date" className={inputClass} {...form.register("problem.dueDate")} />
          </Field>
          <div className="md:col-span-2">
            <Field
              label={t("decision.description")}
              htmlFor={id("description")}
              error={fieldError("problem.description")}
            >
              <textarea
                id={id("description")}
                rows={2}
                className={inputClass}
                {...form.register("problem.description")}
              />
            </Field>
          </div>
        </div>
      ) : (
        <div className="grid gap-2 md:grid-cols-2">
          <div className="md:col-span-2">
            <Field label={t("decision.subject")} htmlFor={id("subject")} error={fieldError("notice.subject")} required>
              <input id={id("subject")} className={inputClass} {...form.register("notice.subject")} />
            </Field>
          </div>
          <div className="md:col-span-2">
            <Field label={t("decision.content")} htmlFor={id("content")} error={fieldError("notice.content")} required>
              <textarea id={id("content")} rows={3} className={inputClass} {...form.register("notice.content")} />
            </Field>
          </div>
          <Field label={t("decision.replyDays")} htmlFor={id("replyDays")} error={fieldError("notice.replyDays")}>
            <input
              id={id("replyDays")}
              type="number"
              min={1}
              className={inputClass}
              {...form.register("notice.replyDays")}
            />
          </Field>
          <Field
            label={t("decision.resolveDays")}
            htmlFor={id("resolveDays")}
            error={fieldError("notice.resolveDays") ?? fieldError("notice")}
            required
          >
            <input
              id={id("resolveDays")}
              type="number"
              min={1}
              className={inputClass}
              {...form.register("notice.resolveDays")}
            />
          </Field>
        </div>
      )}
      {closed ? (
        <Field label={t("form.reason")} htmlFor={id("reason")} error={fieldError("reason")} required>
          <input
            id={id("reason")}
            placeholder={t("form.reasonHint")}
            className={inputClass}
            {...form.register("reason")}
          />
        </Field>
      ) : null}
      <FormError message={error} />
      <div className="flex gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => void submit()}
          className="rounded-md bg-brand-700 px-3 py-1 text-sm text-white disabled:opacity-50"
          data-testid="decision-submit"
        >
          {t("decision.submit")}
        </button>
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1 text-sm" onClick={onDone}>
          {t("form.cancel")}
        </button>
      </div>
    </div>
  );
}
