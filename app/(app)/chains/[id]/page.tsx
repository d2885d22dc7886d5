import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkEditor } from "@/components/chains/chain-admin";
import { ChainMap } from "@/components/chains/chain-map";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { can, projectScope } from "@/lib/auth/permissions";
import { projectReferenceData } from "@/lib/reference/queries";
import { chainGaps } from "@/lib/chains/queries";
import { recordLoader } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

const loadChain = recordLoader(async (id) => chainGaps({ actor: await requireActor("chain.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadChain((await params).id)).chain.name };
}

export default async function ChainPage({ params }: Props) {
  const actor = await requireActor("chain.read");
  const { id } = await params;
  const t = await getTranslations("chains");
  const gaps = await loadChain(id);
  const statusColor = { MISSING: "text-red-700", WEAK: "text-amber-700", COVERED: "text-emerald-700" } as const;
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: t("title"), href: "/chains" }, { label: gaps.chain.name }]} />
      <PageHeader title={<span data-testid="chain-name">{gaps.chain.name}</span>}>
        <p className="text-sm text-slate-600">
          {gaps.chain.industryName} · {t("completeness")}{" "}
          <span className="text-xl font-bold text-brand-700" data-testid="chain-completeness">
            {gaps.completeness}%
          </span>
        </p>
      </PageHeader>
      <Card title={t("map")}>
        <ChainMap
          chainId={gaps.chain.id}
          links={gaps.links}
          canConvert={can(actor.role, "project.create")}
          owners={projectScope(actor.role, "assign") ? (await projectReferenceData()).owners : null}
        />
      </Card>
      <Card title={t("gapTable")}>
        <SimpleTable
          testId="gap-table"
          headers={[
            t("name"),
            t("position"),
            t("status"),
            t("localEnterprises"),
            t("openProjects"),
            t("target"),
            t("importance"),
            t("targets"),
          ]}
        >
          {gaps.links.map((l) => (
            <tr key={l.id}>
              <td className="px-3 py-2 font-medium">{l.name}</td>
              <td className="px-3 py-2">{t(`positions.${l.position}`)}</td>
              <td className={`px-3 py-2 font-semibold ${statusColor[l.status]}`}>{t(`statuses.${l.status}`)}</td>
              <td className="px-3 py-2 tabular-nums">{l.localEnterprises}</td>
              <td className="px-3 py-2 tabular-nums">{l.openProjects}</td>
              <td className="px-3 py-2 tabular-nums">{l.targetCount}</td>
              <td className="px-3 py-2 tabular-nums">{"★".repeat(l.importance)}</td>
              <td className="px-3 py-2">{l.targets.map((x) => x.name).join("、") || "—"}</td>
            </tr>
          ))}
        </SimpleTable>
        <p className="mt-2 text-xs text-slate-500">{t("completenessExplain")}</p>
      </Card>
      {can(actor.role, "chain.manage") ? (
        <Card title={t("manageLinks")}>
          <SimpleTable
            testId="link-editor"
            headers={[t("name"), t("position"), t("parent"), t("target"), t("importance"), ""]}
          >
            {gaps.links.map((l) => (
              <LinkEditor key={`${l.id}-${l.version}`} chainId={gaps.chain.id} link={l} all={gaps.links} />
            ))}
            <LinkEditor chainId={gaps.chain.id} link={null} all={gaps.links} />
          </SimpleTable>
        </Card>
      ) : null}
    </div>
  );
}
