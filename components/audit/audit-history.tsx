import { useTranslations } from "next-intl";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { AuditDescription } from "@/lib/audit/describe";

/** Audit rows in words (lib/audit/describe.ts): who, when, what, and each field before → after. */
export function AuditHistory({ rows, showEntity = false }: { rows: AuditDescription[]; showEntity?: boolean }) {
  const t = useTranslations();
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-slate-500">{t("common.noData")}</p>;
  return (
    <ul className="space-y-3" data-testid="audit-history">
      {rows.map((r) => (
        <li key={r.id} className="rounded border border-slate-200 p-3" data-action={r.action}>
          <p className="text-xs text-slate-500">
            {formatDateTime(r.createdAt)} · {r.actorName ?? t("history.system")}
          </p>
          <p className="mt-0.5 text-sm text-slate-800">
            {showEntity ? (
              <>
                <span className="text-slate-500">{r.entity.label}</span>
                {r.entity.name ? (
                  <>
                    {" · "}
                    {r.entity.href ? (
                      <Link className="text-brand-700 hover:underline" href={r.entity.href}>
                        {r.entity.name}
                      </Link>
                    ) : (
                      r.entity.name
                    )}
                  </>
                ) : null}
                {" · "}
              </>
            ) : null}
            <span className="font-medium" data-testid="audit-summary">
              {r.summary}
            </span>
          </p>
          {r.changes.length ? (
            <table className="mt-1 text-xs">
              <tbody>
                {r.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row" className="pr-3 text-left font-normal text-slate-500">
                      {c.field}
                    </th>
                    {c.before !== null && c.after !== null ? (
                      <>
                        <td className="pr-2 text-red-700 line-through">{c.before}</td>
                        <td className="pr-2 text-slate-400" aria-hidden>
                          →
                        </td>
                        <td className="text-emerald-700">{c.after}</td>
                      </>
                    ) : (
                      <td colSpan={3} className={c.after === null ? "text-red-700 line-through" : "text-slate-700"}>
                        {c.after ?? c.before}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
