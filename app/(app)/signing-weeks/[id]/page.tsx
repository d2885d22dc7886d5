import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import {
  AddByHand,
  AddCandidateButton,
  CandidateActions,
  SigningWeekForm,
} from "@/components/signing-weeks/signing-week-forms";
import { SigningWeekSummary } from "@/components/signing-weeks/signing-week-summary";
import { StageBadge } from "@/components/ui/badges";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { recordLoader } from "@/lib/pages/record-page";
import { getSigningWeek, negotiatingChoices, signingWeekProposal } from "@/lib/signing-weeks/signing-weeks";

type Props = { params: Promise<{ id: string }> };

const load = recordLoader(async (id) => getSigningWeek({ actor: await requireActor("signingWeek.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).name };
}

/** One 签约周: its dates, the proposal → add, the candidates → confirm, the summary; print and .xlsx. */
export default async function SigningWeekPage({ params }: Props) {
  const actor = await requireActor("signingWeek.read");
  const t = await getTranslations("signingWeeks.page");
  const w = await load((await params).id);
  const manage = can(actor.role, "signingWeek.manage");
  const [proposal, choices] = manage
    ? await Promise.all([signingWeekProposal({ actor, id: w.id }), negotiatingChoices({ actor, id: w.id })])
    : [null, []];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Breadcrumbs items={[{ label: t("title"), href: "/signing-weeks" }, { label: w.name }]} />
          <h1 className="text-xl font-bold text-slate-800" data-testid="signing-week-name">
            {w.name}
          </h1>
          <p className="text-sm text-slate-600" data-testid="signing-week-dates">
            {w.startDate} – {w.endDate}
          </p>
          {w.note ? <p className="mt-1 text-sm text-slate-500">{w.note}</p> : null}
        </div>
        <div className="flex gap-2">
          <Link
            href={`/signing-weeks/${w.id}/print`}
            data-testid="signing-week-print-link"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-slate-50"
          >
            {t("print")}
          </Link>
          <a
            href={`/api/v1/signing-weeks/${w.id}/export`}
            data-testid="signing-week-export"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-slate-50"
          >
            {t("export")}
          </a>
        </div>
      </div>
      <Card title={t("summaryTitle")}>
        <p className="mb-3 text-xs text-slate-500">{t("summaryRule")}</p>
        <SigningWeekSummary w={w} />
      </Card>
      <Card title={t("candidatesTitle")}>
        {w.candidates.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noCandidates")}</p>
        ) : (
          <SimpleTable
            testId="candidates"
            headers={[
              t("project"),
              t("industry"),
              t("investment"),
              t("stage"),
              t("how"),
              t("status"),
              ...(manage ? [""] : []),
            ]}
          >
            {w.candidates.map((c) => (
              <tr key={c.projectId} data-candidate={c.projectId}>
                <td className="px-3 py-2">
                  <Link href={`/projects/${c.projectId}`} className="text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-slate-500">{c.code}</span>
                </td>
                <td className="px-3 py-2">{c.industry}</td>
                <td className="px-3 py-2">
                  <Money wan={c.investment} />
                </td>
                <td className="px-3 py-2">
                  <StageBadge stage={c.stage} />
                </td>
                <td className="px-3 py-2 text-xs">{c.manual ? t("manual") : t("proposed")}</td>
                <td className="px-3 py-2 text-xs" data-testid="candidate-status">
                  {c.confirmed ? t("confirmed") : t("unconfirmed")}
                </td>
                {manage ? (
                  <td className="px-3 py-2">
                    <CandidateActions
                      eventId={w.id}
                      version={w.version}
                      projectId={c.projectId}
                      projectName={c.name}
                      confirmed={c.confirmed}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </SimpleTable>
        )}
        {manage ? (
          <div className="mt-3">
            <AddByHand eventId={w.id} version={w.version} choices={choices} />
          </div>
        ) : null}
      </Card>
      {proposal ? (
        <Card title={t("proposalTitle")}>
          <p className="mb-2 text-xs text-slate-500">{t("proposalRule", { since: proposal.since })}</p>
          {proposal.items.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noProposal")}</p>
          ) : (
            <SimpleTable
              testId="proposal"
              headers={[t("project"), t("industry"), t("investment"), t("lastNegotiation"), ""]}
            >
              {proposal.items.map((p) => (
                <tr key={p.projectId}>
                  <td className="px-3 py-2">
                    <Link href={`/projects/${p.projectId}`} className="text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{p.industry}</td>
                  <td className="px-3 py-2">
                    <Money wan={p.investment} />
                  </td>
                  <td className="px-3 py-2">{p.lastNegotiation}</td>
                  <td className="px-3 py-2">
                    <AddCandidateButton eventId={w.id} version={w.version} projectId={p.projectId} proposed />
                  </td>
                </tr>
              ))}
            </SimpleTable>
          )}
        </Card>
      ) : null}
      {manage ? (
        <Card title={t("editTitle")}>
          <SigningWeekForm
            key={w.version}
            event={{
              id: w.id,
              version: w.version,
              name: w.name,
              startDate: w.startDate,
              endDate: w.endDate,
              note: w.note ?? "",
            }}
          />
        </Card>
      ) : null}
    </div>
  );
}
