import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PrintButton } from "@/components/ui/print-button";
import { requireActor } from "@/lib/auth/current";
import { shanghaiToday } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { recordLoader } from "@/lib/pages/record-page";
import { getNotice } from "@/lib/supervision/notice-queries";

type Props = { params: Promise<{ id: string }> };

const load = recordLoader(async (id) => (await getNotice({ actor: await requireActor("supervision.read"), id })).view);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const n = await load((await params).id);
  return { title: `${n.number} · ${n.subject}` };
}

// One A4 page in the layout of an official notice: the issuing body in red over a red rule,
// the number, the title, the recipients, what must be done and by when, the issuer and
// date; the reply below when there is one. The app's shell is hidden in print (.no-print).
const printCss = `
@page { size: A4; margin: 25mm 22mm 22mm 25mm; }
@media print {
  html, body { background: #fff !important; }
  main, main > * { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .notice-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; width: auto !important; }
}
.notice-sheet { font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif; }
`;

export default async function NoticePrintPage({ params }: Props) {
  await requireActor("supervision.read");
  const t = await getTranslations("notices");
  const n = await load((await params).id);
  const [y, m, d] = shanghaiToday(new Date(n.issuedAt)).split("-");
  return (
    <div className="space-y-3">
      <style>{printCss}</style>
      <div className="no-print flex items-center gap-3">
        <Link href={`/supervision/notices/${n.id}`} className="text-sm text-brand-700 hover:underline">
          ← {t("print.back")}
        </Link>
        <PrintButton label={t("actions.print")} />
      </div>
      <article
        className="notice-sheet mx-auto w-[210mm] bg-white px-[22mm] py-[20mm] text-[15px] leading-8 text-black shadow"
        data-testid="notice-sheet"
      >
        <header className="border-b-2 border-red-700 pb-3 text-center">
          <p className="text-3xl font-bold tracking-widest text-red-700">{t("print.issuer")}</p>
        </header>
        <p className="mt-3 text-center" data-testid="print-number">
          {n.number}
        </p>
        <h1 className="mt-4 text-center text-2xl font-bold tracking-[0.5em]">{t("print.heading")}</h1>
        <p className="mt-2 text-center text-lg font-semibold">{n.subject}</p>
        <p className="mt-6">{t("print.to", { leader: n.leaderName ?? "", owner: n.ownerName ?? "" })}</p>
        <p className="indent-8">{t("print.project", { project: n.projectName, code: n.projectCode })}</p>
        <div className="indent-8 whitespace-pre-wrap">{n.content}</div>
        <p className="indent-8 font-semibold">
          {t("print.deadlines", { replyDue: n.replyDue, resolveDue: n.resolveDue })}
        </p>
        <div className="mt-12 text-right">
          <p>{t("print.issuer")}</p>
          <p>{t("print.issuedOn", { y, m: String(Number(m)), d: String(Number(d)) })}</p>
        </div>
        {n.reply ? (
          <section className="mt-10 border-t border-slate-400 pt-4">
            <h2 className="text-lg font-bold">{t("print.replyHeading")}</h2>
            <p className="text-sm text-slate-700">
              {t("print.repliedLine", { by: n.repliedBy ?? "", at: n.repliedAt ? formatDateTime(n.repliedAt) : "" })}
              {" · "}
              {t("print.stateLine", { state: t(`states.${n.state}`) })}
            </p>
            <div className="indent-8 whitespace-pre-wrap">{n.reply}</div>
            {n.attachments.length ? (
              <p className="text-sm">
                {t("evidence")}：{n.attachments.map((a) => a.fileName).join("、")}
              </p>
            ) : null}
          </section>
        ) : null}
      </article>
    </div>
  );
}
