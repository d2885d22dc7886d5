import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NewChainForm, NewIndustryForm } from "@/components/chains/chain-admin";
import { SimpleTable } from "@/components/ui/simple-table";
import { listIndustries } from "@/lib/chains/industries";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { listChains } from "@/lib/chains/queries";
import { projectReferenceData } from "@/lib/reference/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chains"))("title") };
}

export default async function ChainsPage() {
  const actor = await requireActor("chain.read");
  const t = await getTranslations("chains");
  const chains = await listChains({ actor });
  const manage = can(actor.role, "chain.manage");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="chain-list">
        {chains.map((c) => (
          <Card key={c.id}>
            <div className="flex items-start justify-between gap-3">
              <div>
                <h2 className="text-base font-semibold">
                  <Link href={`/chains/${c.id}`} className="hover:underline">
                    {c.name}
                  </Link>
                </h2>
                <p className="text-xs text-slate-500">
                  {c.industryName} · {t("linkCount")} {c.links} ·{" "}
                  <span className="text-red-700">
                    {t("missingCount")} {c.missing}
                  </span>{" "}
                  ·{" "}
                  <span className="text-amber-700">
                    {t("weakCount")} {c.weak}
                  </span>
                </p>
                <p className="mt-1 text-sm text-slate-600">{c.description}</p>
              </div>
              <div className="text-right">
                <p className="text-2xl font-bold tabular-nums text-brand-700">{c.completeness}%</p>
                <p className="text-xs text-slate-500">{t("completeness")}</p>
              </div>
            </div>
            <div
              className="mt-3 h-2 overflow-hidden rounded bg-slate-200"
              role="progressbar"
              aria-valuenow={c.completeness}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-label={`${c.name} ${t("completeness")}`}
            >
              <div className="h-full bg-brand-600" style={{ width: `${c.completeness}%` }} />
            </div>
            <Link href={`/chains/${c.id}`} className="mt-3 inline-block text-sm text-brand-700 underline">
              {t("open")}
            </Link>
          </Card>
        ))}
      </div>
      {manage ? (
        <Card title={t("new")}>
          <NewChainForm industries={(await projectReferenceData()).industries} />
        </Card>
      ) : null}
      <Card title={t("industries")}>
        <SimpleTable testId="industries" headers={[t("name"), t("industryKind"), t("chainsCount"), t("projectsCount")]}>
          {(await listIndustries({ actor })).map((i) => (
            <tr key={i.id}>
              <td className="px-3 py-1.5">{i.name}</td>
              <td className="px-3 py-1.5">{t(`kinds.${i.kind}`)}</td>
              <td className="px-3 py-1.5 tabular-nums">{i.chains}</td>
              <td className="px-3 py-1.5 tabular-nums">{i.projects}</td>
            </tr>
          ))}
        </SimpleTable>
        {manage ? (
          <div className="mt-3">
            <NewIndustryForm />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
