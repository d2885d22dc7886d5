import { useTranslations } from "next-intl";
import Link from "next/link";
import { Money } from "@/components/ui/money";

export type StageCount = { stage: string; count: number; totalInvestment: string };

/** Counts of projects per stage as a row of tiles linking to the filtered list. */
export function StageSummary({
  rows,
  testId,
  linkFilter = "",
}: {
  rows: StageCount[];
  testId: string;
  linkFilter?: string;
}) {
  const t = useTranslations();
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <div data-testid={testId}>
      <p className="mb-3 text-sm text-slate-600">
        {t("home.totalProjects")}: <strong className="text-slate-900">{total}</strong>
      </p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {rows.map((r) => (
          <li key={r.stage}>
            <Link
              href={`/projects?stage=${r.stage}${linkFilter}`}
              className="block rounded-md border border-slate-200 px-3 py-2 hover:border-brand-600"
              data-stage={r.stage}
            >
              <span className="block text-xs text-slate-500">{t(`stages.${r.stage}`)}</span>
              <span className="block text-lg font-semibold text-slate-900" data-testid={`${testId}-${r.stage}`}>
                {r.count}
              </span>
              <span className="block text-xs text-slate-400" data-testid={`${testId}-${r.stage}-sum`}>
                <Money wan={r.totalInvestment} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
