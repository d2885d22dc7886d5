import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/config";
import Link from "next/link";
import { AuditHistory } from "@/components/audit/audit-history";
import { MergeButton } from "@/components/enterprises/merge-button";
import { EnterpriseChainsForm } from "@/components/chains/enterprise-chains";
import { projectReferenceData } from "@/lib/reference/queries";
import { StageBadge } from "@/components/ui/badges";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, PageHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { SimpleTable } from "@/components/ui/simple-table";
import { entityHistory } from "@/lib/audit/queries";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { mayEditEnterprise } from "@/lib/enterprises/can-edit";
import { getEnterprise } from "@/lib/enterprises/queries";
import { recordLoader } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

const loadEnterprise = recordLoader(async (id) => getEnterprise({ actor: await requireActor("enterprise.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadEnterprise((await params).id)).enterprise.name };
}

export default async function EnterprisePage({ params }: Props) {
  const actor = await requireActor("enterprise.read");
  const { id } = await params;
  const t = await getTranslations();
  const found = await loadEnterprise(id);
  const { enterprise: e, projects, similar } = found;
  const canMerge = can(actor.role, "enterprise.merge");
  return (
    <div className="space-y-4">
      <div>
        <Breadcrumbs items={[{ label: t("enterprises.title"), href: "/enterprises" }, { label: e.name }]} />
        <PageHeader title={<span data-testid="enterprise-name">{e.name}</span>} />
      </div>
      <Card title={t("enterprises.basics")}>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">{t("enterprises.creditCode")}</dt>
            <dd className="font-mono">{e.creditCode ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("enterprises.region")}</dt>
            <dd>{e.region ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("enterprises.isLocal")}</dt>
            <dd>{e.isLocal ? t("enterprises.local") : t("enterprises.external")}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("enterprises.contact")}</dt>
            <dd>{e.contact ?? "—"}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t("chains.enterpriseChains")}>
        <EnterpriseChainsForm
          key={e.version}
          enterpriseId={e.id}
          version={e.version}
          initial={{ linkIds: e.linkIds, isChainLeader: e.isChainLeader, isLocal: e.isLocal, scale: e.scale }}
          chains={(await projectReferenceData()).chains}
          canEdit={await mayEditEnterprise({ actor, enterpriseId: e.id })}
        />
      </Card>
      <Card title={t("enterprises.projectList")}>
        {projects.length ? (
          <SimpleTable
            headers={[t("projects.code"), t("projects.name"), t("projects.stage"), t("projects.col.totalInvestment")]}
          >
            {projects.map((p) => (
              <tr key={p.id}>
                <td className="px-3 py-2 font-mono text-xs">{p.code}</td>
                <td className="px-3 py-2">
                  <Link href={`/projects/${p.id}`} className="text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <StageBadge stage={p.stage} />
                </td>
                <td className="px-3 py-2 text-right">
                  <Money wan={p.totalInvestment} />
                </td>
              </tr>
            ))}
          </SimpleTable>
        ) : (
          <p className="text-sm text-slate-500">{t("common.noData")}</p>
        )}
      </Card>
      <Card title={t("enterprises.similar")}>
        {similar.length ? (
          <SimpleTable
            testId="similar-enterprises"
            headers={[t("enterprises.name"), t("enterprises.creditCode"), t("enterprises.projects"), ""]}
          >
            {similar.map((s) => (
              <tr key={s.id}>
                <td className="px-3 py-2">
                  <Link href={`/enterprises/${s.id}`} className="text-brand-700 hover:underline">
                    {s.name}
                  </Link>{" "}
                  <span className="text-xs text-amber-700">
                    {t(`duplicates.reasons.${s.reason}`, { score: Math.round(s.score * 100) })}
                  </span>
                </td>
                <td className="px-3 py-2 font-mono text-xs">{s.creditCode ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{s.projects}</td>
                <td className="px-3 py-2">
                  {canMerge ? (
                    <MergeButton
                      targetId={e.id}
                      targetVersion={e.version}
                      source={{ id: s.id, name: s.name, version: s.version }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </SimpleTable>
        ) : (
          <p className="text-sm text-slate-500">{t("enterprises.noSimilar")}</p>
        )}
      </Card>
      <Card title={t("enterprises.history")}>
        <AuditHistory
          rows={await entityHistory({
            actor,
            locale: resolveLocale(await getLocale()),
            entityType: "Enterprise",
            entityId: e.id,
          })}
        />
      </Card>
    </div>
  );
}
