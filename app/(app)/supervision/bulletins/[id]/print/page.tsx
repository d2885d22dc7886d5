import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BulletinDocument } from "@/components/bulletins/bulletin-document";
import { PrintButton } from "@/components/ui/print-button";
import { requireActor } from "@/lib/auth/current";
import { getBulletin } from "@/lib/bulletins/queries";
import { recordLoader } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

const load = recordLoader(async (id) => getBulletin({ actor: await requireActor("bulletin.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const b = await load((await params).id);
  const t = await getTranslations("bulletins");
  return { title: `${t("printTitle")} · ${t("weekRange", { from: b.weekStart, to: b.weekEnd })}` };
}

// A4 pages in the layout of an official bulletin (as the notice's print page): the shell is
// hidden in print (.no-print); a section may start a new page but a table's header and the
// heading above it stay with their rows.
const printCss = `
@page { size: A4; margin: 22mm 20mm 20mm 22mm; }
@media print {
  html, body { background: #fff !important; }
  main, main > * { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .bulletin-paper { box-shadow: none !important; border: 0 !important; padding: 0 !important; width: auto !important; }
  .bulletin-heading { break-after: avoid-page; }
  .bulletin-section tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
.bulletin-paper { font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif; }
`;

export default async function BulletinPrintPage({ params }: Props) {
  await requireActor("bulletin.read");
  const t = await getTranslations("bulletins");
  const b = await load((await params).id);
  return (
    <div className="space-y-3">
      <style>{printCss}</style>
      <div className="no-print flex items-center gap-3">
        <Link href={`/supervision/bulletins/${b.id}`} className="text-sm text-brand-700 hover:underline">
          ← {t("backToList")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <div
        className="bulletin-paper mx-auto w-[210mm] bg-white px-[20mm] py-[18mm] text-[14px] leading-7 shadow"
        data-testid="bulletin-sheet"
      >
        <BulletinDocument head={b} sections={b.sections} />
      </div>
    </div>
  );
}
