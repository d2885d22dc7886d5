"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFieldArray } from "react-hook-form";
import {
  createMeetingAction,
  proposeAgendaAction,
  updateMeetingAction,
} from "@/app/(app)/supervision/meetings/actions";
import { Field, FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { meetingKinds, type AgendaItemKind, type MeetingKind } from "@/lib/meetings/meeting-machine";
import { createMeetingSchema, updateMeetingSchema } from "@/lib/meetings/schemas";
import { ItemDecisions, type DecisionOptions, type ItemDecisionsData } from "./meeting-decisions";

type Reason = { code: string; message: string };
export type EditorItem = {
  id?: string;
  kind: AgendaItemKind;
  projectId?: string;
  noticeId?: string;
  problemId?: string;
  title: string;
  reasons: Reason[];
  minutes?: string;
};
type Values = {
  kind: MeetingKind;
  title: string;
  startsAt: string;
  place: string;
  chairId: string;
  attendeeIds: string[];
  attendeesText: string;
  items: EditorItem[];
  reason?: string;
  version?: number;
};
export type EditorMeeting = Omit<Values, "items" | "reason"> & {
  id: string;
  state: "PLANNED" | "CLOSED";
  version: number;
  items: (EditorItem & { id: string; decisions: ItemDecisionsData })[];
};
type Person = { id: string; name: string };
type Proposal = {
  items: { kind: "PROJECT" | "NOTICE" | "PROBLEM"; id: string; title: string; reasons: Reason[] }[];
  groups: { group: string; total: number; shown: number; more: number }[];
};

const subjectOf = (i: { kind: string; projectId?: string; noticeId?: string; problemId?: string }) =>
  `${i.kind}:${i.kind === "PROJECT" ? i.projectId : i.kind === "NOTICE" ? i.noticeId : i.kind === "PROBLEM" ? i.problemId : ""}`;

const valuesOf = (m: EditorMeeting): Values => ({
  kind: m.kind,
  title: m.title,
  startsAt: m.startsAt,
  place: m.place,
  chairId: m.chairId,
  attendeeIds: m.attendeeIds,
  attendeesText: m.attendeesText,
  items: m.items.map((i) => ({
    id: i.id,
    kind: i.kind,
    projectId: i.projectId,
    noticeId: i.noticeId,
    problemId: i.problemId,
    title: i.title,
    reasons: i.reasons,
    minutes: i.minutes ?? "",
  })),
  reason: "",
  version: m.version,
});

/**
 * The meeting's form (a manager's): the header, then the ordered agenda — items added from
 * the proposal (a checklist with the reasons) or by hand, moved up and down, titled, their
 * minutes written — saved together; decisions on each saved item below it. After sign-off
 * a save needs a reason.
 */
export function MeetingEditor({
  meeting,
  defaults,
  people,
  chairs,
  decisionOptions,
}: {
  meeting?: EditorMeeting;
  defaults: Omit<Values, "items" | "reason" | "version">;
  people: Person[];
  chairs: Person[];
  decisionOptions: DecisionOptions;
}) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const closed = meeting?.state === "CLOSED";
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: meeting ? updateMeetingSchema : createMeetingSchema,
    defaultValues: meeting ? valuesOf(meeting) : { ...defaults, items: [] },
    action: (values) => (meeting ? updateMeetingAction(meeting.id, values) : createMeetingAction(values)),
    success: meeting ? t("form.saved") : t("form.created"),
    onSuccess: (data) => {
      if (!meeting) router.push(`/supervision/meetings/${(data as { id: string }).id}`);
    },
  });
  const items = useFieldArray({ control: form.control, name: "items", keyName: "key" });
  // A saved change comes back as the page's new data: the form starts again from it.
  useEffect(() => {
    if (meeting) form.reset(valuesOf(meeting));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meeting?.version]);

  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [loading, setLoading] = useState(false);
  const [proposalError, setProposalError] = useState<string | null>(null);
  const onAgenda = new Set(form.watch("items").map(subjectOf));
  const loadProposal = async () => {
    setLoading(true);
    setProposalError(null);
    const res = await proposeAgendaAction(form.getValues("kind"));
    setLoading(false);
    if (res.ok) {
      setProposal(res.data);
      setChosen(new Set());
    } else setProposalError(res.error.message);
  };
  const addChosen = () => {
    for (const p of proposal?.items ?? []) {
      const key = `${p.kind}:${p.id}`;
      if (!chosen.has(key) || onAgenda.has(key)) continue;
      items.append({
        kind: p.kind,
        projectId: p.kind === "PROJECT" ? p.id : undefined,
        noticeId: p.kind === "NOTICE" ? p.id : undefined,
        problemId: p.kind === "PROBLEM" ? p.id : undefined,
        title: p.title,
        reasons: p.reasons,
        minutes: "",
      });
    }
    setProposal(null);
  };
  const decisionsOf = (id?: string) => meeting?.items.find((i) => i.id === id)?.decisions;
  const button = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-40";

  return (
    <form noValidate onSubmit={submit} className="space-y-4" data-testid="meeting-form">
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-base font-semibold text-slate-800">{t("form.header")}</h2>
        <div className="grid gap-3 md:grid-cols-2">
          <Field label={t("form.kind")} htmlFor="meeting-kind" error={fieldError("kind")} required>
            <select id="meeting-kind" className={inputClass} {...form.register("kind")}>
              {meetingKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("form.title")} htmlFor="meeting-title" error={fieldError("title")} required>
            <input id="meeting-title" className={inputClass} {...form.register("title")} />
          </Field>
          <Field label={t("form.startsAt")} htmlFor="meeting-startsAt" error={fieldError("startsAt")} required>
            <input id="meeting-startsAt" type="datetime-local" className={inputClass} {...form.register("startsAt")} />
          </Field>
          <Field label={t("form.place")} htmlFor="meeting-place" error={fieldError("place")}>
            <input id="meeting-place" className={inputClass} {...form.register("place")} />
          </Field>
          <Field label={t("form.chair")} htmlFor="meeting-chair" error={fieldError("chairId")} required>
            <select id="meeting-chair" className={inputClass} {...form.register("chairId")}>
              <option value="">{t("form.chooseChair")}</option>
              {chairs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("form.attendees")} htmlFor="meeting-attendees" error={fieldError("attendeeIds")}>
            <select id="meeting-attendees" multiple size={5} className={inputClass} {...form.register("attendeeIds")}>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="md:col-span-2">
            <Field label={t("form.attendeesText")} htmlFor="meeting-attendeesText" error={fieldError("attendeesText")}>
              <textarea
                id="meeting-attendeesText"
                rows={2}
                placeholder={t("form.attendeesTextHint")}
                className={inputClass}
                {...form.register("attendeesText")}
              />
            </Field>
          </div>
        </div>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="agenda-heading">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <h2 id="agenda-heading" className="text-base font-semibold text-slate-800">
            {t("agenda.title")}
          </h2>
          <button
            type="button"
            className={button}
            onClick={loadProposal}
            disabled={loading}
            data-testid="load-proposal"
          >
            {loading ? t("agenda.loading") : t("agenda.fromProposal")}
          </button>
          <button
            type="button"
            className={button}
            onClick={() => items.append({ kind: "OTHER", title: "", reasons: [], minutes: "" })}
          >
            {t("agenda.addOther")}
          </button>
        </div>
        <FormError message={proposalError} />
        {proposal ? (
          <fieldset className="mb-4 rounded-md border border-brand-200 bg-brand-50/40 p-3" data-testid="proposal">
            <legend className="px-1 text-sm font-medium">{t("agenda.fromProposal")}</legend>
            {proposal.items.length === 0 ? <p className="text-sm text-slate-600">{t("agenda.noProposal")}</p> : null}
            <ul className="space-y-1">
              {proposal.items.map((p) => {
                const key = `${p.kind}:${p.id}`;
                const already = onAgenda.has(key);
                return (
                  <li key={key} className="text-sm">
                    <label className="flex items-start gap-2">
                      <input
                        type="checkbox"
                        className="mt-1"
                        disabled={already}
                        checked={already || chosen.has(key)}
                        onChange={(e) => {
                          const next = new Set(chosen);
                          if (e.target.checked) next.add(key);
                          else next.delete(key);
                          setChosen(next);
                        }}
                      />
                      <span>
                        <span className="mr-1 rounded bg-slate-200 px-1 text-xs">{t(`itemKinds.${p.kind}`)}</span>
                        {p.title}
                        {already ? (
                          <span className="ml-1 text-xs text-slate-500">（{t("agenda.already")}）</span>
                        ) : null}
                        {p.reasons.length ? (
                          <span className="block text-xs text-slate-600">
                            {p.reasons.map((r) => r.message).join("；")}
                          </span>
                        ) : null}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {proposal.groups
              .filter((g) => g.more > 0)
              .map((g) => (
                <p key={g.group} className="mt-1 text-xs text-slate-500">
                  {t(`groups.${g.group}`)}：{t("agenda.more", { n: g.more })}
                </p>
              ))}
            <div className="mt-2 flex gap-2">
              <button
                type="button"
                className="rounded-md bg-brand-700 px-3 py-1 text-sm text-white disabled:opacity-50"
                disabled={chosen.size === 0}
                onClick={addChosen}
                data-testid="add-chosen"
              >
                {t("agenda.addChosen", { n: chosen.size })}
              </button>
              <button type="button" className={button} onClick={() => setProposal(null)}>
                {t("form.cancel")}
              </button>
            </div>
          </fieldset>
        ) : null}
        {items.fields.length === 0 ? <p className="text-sm text-slate-500">{t("agenda.empty")}</p> : null}
        <FieldMessage htmlFor="items" message={fieldError("items")} />
        <ol className="space-y-3" data-testid="agenda">
          {items.fields.map((field, i) => {
            const decisions = decisionsOf(field.id);
            const decided = decisions ? decisions.problems.length + decisions.notices.length : 0;
            return (
              // Keyed by the saved item's id: a save (which resets the form) keeps an open decision form open.
              <li
                key={field.id ?? field.key}
                className="rounded-md border border-slate-200 p-3"
                data-testid="agenda-item"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-xs font-semibold text-slate-500">{t("agenda.position", { n: i + 1 })}</span>
                  <span className="rounded bg-slate-200 px-1 text-xs">{t(`itemKinds.${field.kind}`)}</span>
                  <span className="ml-auto flex gap-1">
                    <button
                      type="button"
                      className={button}
                      disabled={i === 0}
                      aria-label={`${t("agenda.up")} ${field.title}`}
                      onClick={() => items.move(i, i - 1)}
                    >
                      ↑ {t("agenda.up")}
                    </button>
                    <button
                      type="button"
                      className={button}
                      disabled={i === items.fields.length - 1}
                      aria-label={`${t("agenda.down")} ${field.title}`}
                      onClick={() => items.move(i, i + 1)}
                    >
                      ↓ {t("agenda.down")}
                    </button>
                    <button
                      type="button"
                      className={button}
                      disabled={decided > 0}
                      title={decided > 0 ? t("agenda.hasDecisions") : undefined}
                      aria-label={`${t("agenda.remove")} ${field.title}`}
                      onClick={() => items.remove(i)}
                    >
                      {t("agenda.remove")}
                    </button>
                  </span>
                </div>
                <div className="mt-2 space-y-2">
                  <Field
                    label={t("agenda.itemTitle")}
                    htmlFor={`item-${i}-title`}
                    error={fieldError(`items.${i}.title`) ?? fieldError(`items.${i}.projectId`)}
                    required
                  >
                    <input id={`item-${i}-title`} className={inputClass} {...form.register(`items.${i}.title`)} />
                  </Field>
                  {field.reasons.length ? (
                    <p className="text-xs text-slate-600">
                      {t("agenda.reasons")}：{field.reasons.map((r) => r.message).join("；")}
                    </p>
                  ) : null}
                  <Field
                    label={t("agenda.minutes")}
                    htmlFor={`item-${i}-minutes`}
                    error={fieldError(`items.${i}.minutes`)}
                  >
                    <textarea
                      id={`item-${i}-minutes`}
                      rows={3}
                      placeholder={t("agenda.minutesHint")}
                      className={inputClass}
                      {...form.register(`items.${i}.minutes`)}
                    />
                  </Field>
                  {meeting ? (
                    field.id && decisions ? (
                      <ItemDecisions
                        meetingId={meeting.id}
                        itemId={field.id}
                        itemProjectId={field.projectId ?? null}
                        closed={closed}
                        decisions={decisions}
                        options={decisionOptions}
                      />
                    ) : (
                      <p className="text-xs text-slate-500">{t("decision.saveFirst")}</p>
                    )
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      {closed ? (
        <Field label={t("form.reason")} htmlFor="meeting-reason" error={fieldError("reason")} required>
          <input
            id="meeting-reason"
            placeholder={t("form.reasonHint")}
            className={inputClass}
            {...form.register("reason")}
          />
        </Field>
      ) : null}
      <FormError message={error} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
        data-testid="meeting-save"
      >
        {meeting ? t("form.save") : t("form.create")}
      </button>
    </form>
  );
}
