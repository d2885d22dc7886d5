import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SigningWeekForm } from "@/components/signing-weeks/signing-week-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { listSigningWeeks } from "@/lib/signing-weeks/signing-weeks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signingWeeks.page"))("title") };
}

/** 签约周: the events (latest first) with their signings; managers create one. */
export default async function SigningWeeksPage() {
  const actor = await requireActor("signingWeek.read");
  const t = await getTranslations("signingWeeks.page");
  const { items } = await listSigningWeeks({ actor });
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <Card>
        {items.length === 0 ? (
          <p className="text-sm text-slate-500">{t("none")}</p>
        ) : (
          <SimpleTable testId="signing-weeks" headers={[t("name"), t("dates"), t("signed"), t("candidates")]}>
            {items.map((w) => (
              <tr key={w.id}>
                <td className="px-3 py-2">
                  <Link href={`/signing-weeks/${w.id}`} className="text-brand-700 hover:underline">
                    {w.name}
                  </Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {w.startDate} – {w.endDate}
                </td>
                <td className="px-3 py-2 tabular-nums">{w.signedCount}</td>
                <td className="px-3 py-2 tabular-nums">{w.candidateCount}</td>
              </tr>
            ))}
          </SimpleTable>
        )}
      </Card>
      {can(actor.role, "signingWeek.manage") ? (
        <Card title={t("newTitle")}>
          <SigningWeekForm />
        </Card>
      ) : null}
    </div>
  );
}
