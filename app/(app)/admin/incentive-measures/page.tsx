import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeasureActiveButton, MeasureForm } from "@/components/incentives/measure-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { formatWan } from "@/lib/format";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { listMeasures } from "@/lib/incentives/measures";
import { tierText } from "@/lib/incentives/tier-text";

type Props = { searchParams: Promise<{ edit?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incentives.admin"))("title") };
}

/** 政策措施: the list, a measure being edited (?edit=id), a new one; MANAGER and ADMIN. */
export default async function IncentiveMeasuresPage({ searchParams }: Props) {
  const actor = await requireActor("incentive.manage");
  const { edit } = await searchParams;
  const t = await getTranslations("incentives");
  const { items } = await listMeasures({ actor });
  const editing = edit ? items.find((m) => m.id === edit) : undefined;
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.title")} />
      <Card>
        <p className="mb-3 text-xs text-slate-500">{t("admin.explain")}</p>
        <SimpleTable
          testId="measures"
          headers={[
            t("admin.name"),
            t("admin.category"),
            t("admin.field"),
            t("admin.tiers"),
            t("admin.threshold"),
            t("admin.cap"),
            t("admin.years"),
            t("admin.validity"),
            t("admin.active"),
            "",
          ]}
        >
          {items.map((m) => (
            <tr key={m.id} className={`align-top ${m.active ? "" : "text-slate-400"}`} data-measure={m.name}>
              <td className="px-3 py-2 font-medium">{m.name}</td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`categories.${m.category}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`fields.${m.field}`)}</td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">
                {m.tiers.map((x, i) => (
                  <div key={i}>{tierText(x)}</div>
                ))}
              </td>
              <td className="px-3 py-2">
                {m.field === "foreignCapital" && m.threshold !== null ? (
                  t("units.wanUsd", { n: formatWan(m.threshold) })
                ) : (
                  <Money wan={m.threshold} />
                )}
              </td>
              <td className="px-3 py-2">
                <Money wan={m.cap} />
              </td>
              <td className="px-3 py-2">{m.years}</td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">
                {m.validFrom} – {m.validTo ?? t("admin.openEnded")}
              </td>
              <td className="px-3 py-2">{m.active ? t("admin.yes") : t("admin.no")}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <Link
                  href={`/admin/incentive-measures?edit=${m.id}`}
                  className="mr-3 text-xs text-brand-700 hover:underline"
                >
                  {t("admin.edit")}
                </Link>
                <MeasureActiveButton measure={m} />
              </td>
            </tr>
          ))}
        </SimpleTable>
      </Card>
      <Card title={editing ? t("admin.editTitle", { name: editing.name }) : t("admin.newTitle")}>
        <MeasureForm key={editing ? `${editing.id}-${editing.version}` : "new"} measure={editing} />
      </Card>
    </div>
  );
}
