import { useTranslations } from "next-intl";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";

type AuditRow = {
  id: string;
  action: string;
  actorName: string | null;
  createdAt: string;
  before: unknown;
  after: unknown;
  entityType?: string;
  entityId?: string;
};

/** The page of an audited entity, where it has one. */
const entityPages: Record<string, (id: string) => string> = {
  Project: (id) => `/projects/${id}?tab=history`,
  Enterprise: (id) => `/enterprises/${id}`,
  PermitCase: (id) => `/permits/${id}`,
  Chain: (id) => `/chains/${id}`,
};

/** Which fields an audit row changed, with their values before and after. */
function changes(before: unknown, after: unknown): [string, string, string][] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const show = (v: unknown) =>
    v === null || v === undefined || v === "" ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return Object.keys({ ...b, ...a })
    .filter(
      (k) =>
        !["updatedAt", "version", "stageEnteredAt", "createdAt", "id"].includes(k) &&
        JSON.stringify(b[k]) !== JSON.stringify(a[k]),
    )
    .map((k) => [k, show(b[k]), show(a[k])]);
}

export function AuditHistory({ rows, showEntity = false }: { rows: AuditRow[]; showEntity?: boolean }) {
  const t = useTranslations();
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-slate-500">{t("common.noData")}</p>;
  return (
    <ul className="space-y-3" data-testid="audit-history">
      {rows.map((r) => (
        <li key={r.id} className="rounded border border-slate-200 p-3">
          <p className="text-xs text-slate-500">
            {formatDateTime(r.createdAt)} · {r.actorName ?? "—"} · <span className="font-mono">{r.action}</span>
            {showEntity ? (
              <>
                {" · "}
                {r.entityType && entityPages[r.entityType] ? (
                  <Link className="text-brand-700 hover:underline" href={entityPages[r.entityType](r.entityId!)}>
                    {r.entityType} {r.entityId}
                  </Link>
                ) : (
                  <span className="font-mono">
                    {r.entityType} {r.entityId}
                  </span>
                )}
              </>
            ) : null}
          </p>
          {r.before ? (
            <table className="mt-1 text-xs">
              <tbody>
                {changes(r.before, r.after).map(([k, b, a]) => (
                  <tr key={k}>
                    <td className="pr-3 font-mono text-slate-500">{k}</td>
                    <td className="pr-2 text-red-700 line-through">{b}</td>
                    <td className="text-emerald-700">{a}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-1 text-xs text-slate-600">{t("history.created")}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
