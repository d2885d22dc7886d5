import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PrintButton } from "@/components/ui/print-button";
import { requireActor } from "@/lib/auth/current";
import { getMeeting } from "@/lib/meetings/meeting-queries";
import { meetingTimeText } from "@/lib/meetings/meeting-time";
import { recordLoader } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

const load = recordLoader(async (id) => getMeeting({ actor: await requireActor(), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const m = await load((await params).id);
  return { title: `${m.title} · ${(await getTranslations("meetings"))("print.heading")}` };
}

// 会议纪要 on A4, in the layout of the notice's print page: the title, when and where, the
// chair and attendees, each item with the meeting's view and its decisions (owner, due date),
// and the chair's sign-off. The app's shell is hidden in print (.no-print).
const printCss = `
@page { size: A4; margin: 25mm 22mm 22mm 25mm; }
@media print {
  html, body { background: #fff !important; }
  main, main > * { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .minutes-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; width: auto !important; }
  .minutes-item { break-inside: avoid; }
}
.minutes-sheet { font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif; }
`;

export default async function MeetingPrintPage({ params }: Props) {
  await requireActor();
  const t = await getTranslations("meetings");
  const m = await load((await params).id);
  const attendees = [...m.attendees.map((a) => a.name ?? ""), m.attendeesText ?? ""].filter(Boolean).join("、");
  return (
    <div className="space-y-3">
      <style>{printCss}</style>
      <div className="no-print flex items-center gap-3">
        <Link href={`/supervision/meetings/${m.id}`} className="text-sm text-brand-700 hover:underline">
          ← {m.title}
        </Link>
        <PrintButton label={t("print.printButton")} />
      </div>
      <article
        className="minutes-sheet mx-auto w-[210mm] bg-white px-[22mm] py-[20mm] text-[15px] leading-8 text-black shadow"
        data-testid="minutes-sheet"
      >
        <header className="border-b-2 border-red-700 pb-3 text-center">
          <p className="text-2xl font-bold tracking-widest text-red-700">{t(`kinds.${m.kind}`)}</p>
          <h1 className="mt-2 text-2xl font-bold tracking-[0.3em]">{t("print.heading")}</h1>
        </header>
        <p className="mt-4 text-center text-lg font-semibold">{m.title}</p>
        <dl className="mt-4 grid grid-cols-[6em_1fr] gap-x-2">
          <dt>{t("print.time")}：</dt>
          <dd>{meetingTimeText(m.startsAt)}</dd>
          <dt>{t("print.place")}：</dt>
          <dd>{m.place ?? "—"}</dd>
          <dt>{t("print.chair")}：</dt>
          <dd>{m.chair.name}</dd>
          <dt>{t("print.attendees")}：</dt>
          <dd>{attendees || "—"}</dd>
        </dl>
        <h2 className="mt-6 text-lg font-bold">{t("print.items")}</h2>
        <ol className="mt-2 space-y-4">
          {m.items.map((i, n) => (
            <li key={i.id} className="minutes-item">
              <p className="font-semibold">
                {n + 1}. {i.title}
              </p>
              {i.minutes ? <p className="indent-8 whitespace-pre-wrap">{i.minutes}</p> : null}
              {i.decisions.problems.length + i.decisions.notices.length ? (
                <table className="mt-1 w-full border-collapse text-sm">
                  <thead>
                    <tr>
                      <th className="border border-black px-2 text-left">{t("print.decisions")}</th>
                      <th className="border border-black px-2 text-left">{t("print.owner")}</th>
                      <th className="border border-black px-2 text-left">{t("print.due")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {i.decisions.problems.map((p) => (
                      <tr key={p.id}>
                        <td className="border border-black px-2">{p.title}</td>
                        <td className="border border-black px-2">{p.department.name}</td>
                        <td className="border border-black px-2 tabular-nums">{p.dueDate}</td>
                      </tr>
                    ))}
                    {i.decisions.notices.map((d) => (
                      <tr key={d.id}>
                        <td className="border border-black px-2">
                          {d.number} {d.subject}
                        </td>
                        <td className="border border-black px-2">{d.owner.name ?? "—"}</td>
                        <td className="border border-black px-2 tabular-nums">{d.resolveDue}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          ))}
        </ol>
        <div className="mt-12 text-right" data-testid="minutes-signature">
          {m.signedOffAt ? (
            <>
              <p>
                {t("print.signature")}：{m.signedOffBy?.name}
              </p>
              <p>
                {t("print.signedAt")}：{meetingTimeText(m.signedOffAt)}
              </p>
            </>
          ) : (
            <p>{t("print.notSigned")}</p>
          )}
        </div>
      </article>
    </div>
  );
}
