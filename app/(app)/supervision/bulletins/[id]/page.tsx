import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BulletinDocument } from "@/components/bulletins/bulletin-document";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { requireActor } from "@/lib/auth/current";
import { getBulletin } from "@/lib/bulletins/queries";
import { issueOf } from "@/lib/bulletins/week";
import { recordLoader } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

const load = recordLoader(async (id) => getBulletin({ actor: await requireActor("bulletin.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const b = await load((await params).id);
  const t = await getTranslations("bulletins");
  return { title: `${t("title")} · ${t("weekRange", { from: b.weekStart, to: b.weekEnd })}` };
}

/** A filed bulletin as the document it is (the stored snapshot only), with print and export. */
export default async function BulletinPage({ params }: Props) {
  await requireActor("bulletin.read");
  const t = await getTranslations("bulletins");
  const b = await load((await params).id);
  const issue = issueOf(b.weekStart);
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100";
  return (
    <div className="space-y-4">
      <div>
        <Breadcrumbs
          items={[
            { label: t("title"), href: "/supervision/bulletins" },
            { label: t("issue", { year: issue.year, n: issue.n }) },
          ]}
        />
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-bold text-slate-800" data-testid="bulletin-title">
            {t("title")} · {t("weekRange", { from: b.weekStart, to: b.weekEnd })}
          </h1>
          <Link href={`/supervision/bulletins/${b.id}/print`} className={button} data-testid="bulletin-print-link">
            {t("print")}
          </Link>
          <a href={`/api/v1/bulletins/${b.id}/export`} className={button} data-testid="bulletin-export-link">
            {t("exportButton")}
          </a>
        </div>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <BulletinDocument head={b} sections={b.sections} />
      </div>
    </div>
  );
}
