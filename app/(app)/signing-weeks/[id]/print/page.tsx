import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SigningWeekSummary } from "@/components/signing-weeks/signing-week-summary";
import { PrintButton } from "@/components/ui/print-button";
import { requireActor } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/format";
import { recordLoader } from "@/lib/pages/record-page";
import { getSigningWeek } from "@/lib/signing-weeks/signing-weeks";

type Props = { params: Promise<{ id: string }> };

const load = recordLoader(async (id) => getSigningWeek({ actor: await requireActor("signingWeek.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const w = await load((await params).id);
  return { title: `${w.name} · ${(await getTranslations("signingWeeks.page"))("printTitle")}` };
}

// A4 pages (as the bulletin's print page): the shell hidden in print, table headers repeated.
const printCss = `
@page { size: A4; margin: 22mm 20mm 20mm 22mm; }
@media print {
  html, body { background: #fff !important; }
  main, main > * { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .signing-paper { box-shadow: none !important; border: 0 !important; padding: 0 !important; width: auto !important; }
  .signing-paper tr { break-inside: avoid; }
  .signing-paper h3 { break-after: avoid-page; }
  thead { display: table-header-group; }
}
.signing-paper { font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif; }
`;

export default async function SigningWeekPrintPage({ params }: Props) {
  const actor = await requireActor("signingWeek.read");
  const t = await getTranslations("signingWeeks");
  const w = await load((await params).id);
  return (
    <div className="space-y-3">
      <style>{printCss}</style>
      <div className="no-print flex items-center gap-3">
        <Link href={`/signing-weeks/${w.id}`} className="text-sm text-brand-700 hover:underline">
          ← {t("page.back")}
        </Link>
        <PrintButton label={t("page.print")} />
      </div>
      <div
        className="signing-paper mx-auto w-[210mm] max-w-full bg-white px-[20mm] py-[18mm] text-[14px] leading-7 shadow"
        data-testid="signing-week-sheet"
      >
        <h2 className="text-center text-xl font-bold">{w.name}</h2>
        <p className="mb-4 text-center text-sm">{t("page.printSubtitle", { from: w.startDate, to: w.endDate })}</p>
        <SigningWeekSummary w={w} print />
        <p className="mt-6 text-right text-xs text-slate-500">
          {t("exportedAt", { time: formatDateTime(new Date()), name: actor.displayName })}
        </p>
      </div>
    </div>
  );
}
