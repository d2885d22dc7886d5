import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditHistory } from "@/components/audit/audit-history";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { auditFilterChoices } from "@/lib/audit/catalogue";
import { listAuditLog } from "@/lib/audit/queries";
import { requireActor } from "@/lib/auth/current";
import { FilterError } from "@/components/ui/filter-error";
import { listWithFilterNote } from "@/lib/pages/filtered-list";
import { resolveLocale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("auditLog.read");
  const t = await getTranslations();
  const sp = await searchParams;
  const query = { entityType: sp.entityType, entityId: sp.entityId, actor: sp.actor, action: sp.action, page: sp.page };
  const locale = resolveLocale(await getLocale());
  const { result: log, filterError } = await listWithFilterNote(
    (q) => listAuditLog({ actor, query: q, locale }),
    query,
  );
  const choices = auditFilterChoices();
  const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  return (
    <div>
      <PageHeader title={t("audit.title")} />
      <Card>
        <FilterError message={filterError} />
        <form method="get" role="search" className="mb-3 flex flex-wrap gap-2">
          <select
            name="entityType"
            defaultValue={sp.entityType ?? ""}
            aria-label={t("audit.entityType")}
            className={input}
          >
            <option value="">{t("common.all")}</option>
            {choices.entities.map((e) => (
              <option key={e.value} value={e.value}>
                {t(e.label as never)}
              </option>
            ))}
          </select>
          <input
            name="entityId"
            defaultValue={sp.entityId ?? ""}
            placeholder={t("audit.entityId")}
            aria-label={t("audit.entityId")}
            className={input}
          />
          <input
            name="actor"
            defaultValue={sp.actor ?? ""}
            placeholder={t("audit.actor")}
            aria-label={t("audit.actor")}
            className={input}
          />
          <select name="action" defaultValue={sp.action ?? ""} aria-label={t("audit.action")} className={input}>
            <option value="">{t("common.all")}</option>
            {choices.actions.map((a) => (
              <option key={a.value} value={a.value}>
                {t(a.label as never)}
              </option>
            ))}
          </select>
          <button className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">{t("common.search")}</button>
        </form>
        <div data-testid="audit-log">
          <AuditHistory rows={log.items} showEntity />
        </div>
        <Pagination
          basePath="/admin/audit"
          params={{ entityType: sp.entityType, entityId: sp.entityId, actor: sp.actor, action: sp.action }}
          page={log.page}
          pageSize={log.pageSize}
          total={log.total}
        />
      </Card>
    </div>
  );
}
