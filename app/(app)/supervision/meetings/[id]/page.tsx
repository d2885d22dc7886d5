import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MeetingEditor } from "@/components/meetings/meeting-editor";
import { MeetingMinutes } from "@/components/meetings/meeting-minutes";
import { SignOffButton } from "@/components/meetings/sign-off-button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { meetingPage } from "@/lib/meetings/meeting-page";
import { meetingTimeText } from "@/lib/meetings/meeting-time";
import { recordLoader } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ edit?: string }> };

const load = recordLoader(async (id) => meetingPage({ actor: await requireActor(), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { meeting } = await load((await params).id);
  return { title: meeting.title };
}

/**
 * One meeting: its header, the chair's sign-off, and the agenda — a manager edits it (items,
 * minutes, decisions), others read it. Signed-off minutes read as minutes for everyone; a
 * manager opens the editor with 修改纪要 (`?edit=1`), where every change needs a reason.
 */
export default async function MeetingPage({ params, searchParams }: Props) {
  await requireActor();
  const t = await getTranslations("meetings");
  const { meeting: m, manager, chair, signOff, options, decisionOptions, editor } = await load((await params).id);
  const closed = m.state === "CLOSED";
  const editing = manager && (!closed || (await searchParams).edit === "1");
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm">{value || "—"}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <div>
        <Breadcrumbs items={[{ label: t("title"), href: "/supervision/meetings" }, { label: m.title }]} />
        <h1 className="text-xl font-bold text-slate-800" data-testid="meeting-title">
          {m.title}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <span className="rounded bg-slate-200 px-1.5 text-xs">{t(`kinds.${m.kind}`)}</span>
          <span
            className={`rounded px-1.5 text-xs ${m.state === "CLOSED" ? "bg-slate-200" : "bg-emerald-100 text-emerald-800"}`}
            data-testid="meeting-state"
          >
            {t(`states.${m.state}`)}
          </span>
          <Link
            href={`/supervision/meetings/${m.id}/print`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
            data-testid="meeting-print-link"
          >
            {t("detail.print")}
          </Link>
        </p>
      </div>
      <Card>
        <dl className="grid gap-3 md:grid-cols-4">
          {row(t("detail.time"), meetingTimeText(m.startsAt))}
          {row(t("detail.place"), m.place)}
          {row(t("detail.chair"), m.chair.name)}
          {row(
            t("detail.attendees"),
            [...m.attendees.map((a) => a.name ?? ""), m.attendeesText ?? ""].filter(Boolean).join("、"),
          )}
        </dl>
        <div className="mt-3 text-sm">
          {m.signedOffAt ? (
            <p data-testid="signed-off">
              {t("signOff.signedBy", { name: m.signedOffBy?.name ?? "", time: meetingTimeText(m.signedOffAt) })}
            </p>
          ) : signOff ? (
            <SignOffButton meetingId={m.id} title={m.title} version={m.version} />
          ) : chair ? (
            <p className="text-slate-500" data-testid="sign-off-needs-minutes">
              {t("signOff.needsMinutes")}
            </p>
          ) : (
            <p className="text-slate-500">{t("signOff.waiting")}</p>
          )}
        </div>
      </Card>
      {editing ? (
        <MeetingEditor
          meeting={editor}
          defaults={editor}
          people={options.people}
          chairs={options.chairs}
          decisionOptions={decisionOptions}
        />
      ) : (
        <section aria-labelledby="agenda-heading" className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="agenda-heading" className="text-base font-semibold text-slate-800">
              {t("agenda.title")}
            </h2>
            {manager && closed ? (
              <Link
                href={`/supervision/meetings/${m.id}?edit=1`}
                className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
                data-testid="meeting-edit-closed"
              >
                {t("detail.editClosed")}
              </Link>
            ) : null}
          </div>
          <MeetingMinutes meeting={m} />
        </section>
      )}
    </div>
  );
}
