import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { SimpleTable } from "@/components/ui/simple-table";
import type { ProgressView } from "@/lib/supervision/progress-view";
import { RaiseFromEntry } from "@/components/problems/raise-from-entry";
import type { DepartmentChoice } from "@/components/problems/problem-raise-form";

/** How many entries show at first; the earlier ones fold under 更早的 N 条. */
const SHOWN = 10;

/**
 * 日调度 entries of the year, newest first, with their photos and documents; with `raise` (the
 * reader may raise problems on the project), each entry offers 提出问题 prefilled from its problems.
 * A year of weekly reports is long: the latest ten show, the earlier ones fold below them.
 */
export function ProgressList({
  items,
  raise,
}: {
  items: ProgressView[];
  raise?: { projectId: string; departments: DepartmentChoice[] } | null;
}) {
  const t = useTranslations("progress");
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  const table = (list: ProgressView[], testId: string) => (
    <SimpleTable
      testId={testId}
      headers={[t("date"), t("investmentCompleted"), t("percent"), t("note"), t("problems"), t("attachments"), t("by")]}
    >
      {list.map((e) => (
        <tr key={e.id} className="align-top">
          <td className="px-3 py-2 whitespace-nowrap">{e.date}</td>
          <td className="px-3 py-2 text-right">
            <Money wan={e.investmentCompleted} />
          </td>
          <td className="px-3 py-2 text-right tabular-nums">{e.percent}%</td>
          <td className="px-3 py-2 whitespace-pre-line">{e.note}</td>
          <td className="px-3 py-2">
            <span className="whitespace-pre-line text-amber-800">{e.problems}</span>
            {raise ? (
              <RaiseFromEntry
                projectId={raise.projectId}
                entryId={e.id}
                entryDate={e.date}
                problems={e.problems ?? ""}
                departments={raise.departments}
              />
            ) : null}
          </td>
          <td className="px-3 py-2">
            <ul>
              {e.attachments.map((a) => (
                <li key={a.id}>
                  <a className="text-brand-700 hover:underline" href={`/api/v1/attachments/${a.id}`}>
                    {a.fileName}
                  </a>
                </li>
              ))}
            </ul>
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{e.createdByName}</td>
        </tr>
      ))}
    </SimpleTable>
  );
  const earlier = items.slice(SHOWN);
  return (
    <div className="space-y-2">
      {table(items.slice(0, SHOWN), "progress-list")}
      {earlier.length ? (
        <details data-testid="progress-earlier">
          <summary className="cursor-pointer text-sm text-brand-700">{t("earlier", { count: earlier.length })}</summary>
          {table(earlier, "progress-list-earlier")}
        </details>
      ) : null}
    </div>
  );
}
