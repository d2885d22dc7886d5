import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookRow } from "@/components/webhooks/webhook-row";
import { requireActor } from "@/lib/auth/current";
import { listWebhooks } from "@/lib/notifications/list-webhooks";
import { listDepartments } from "@/lib/users/list-users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

export default async function WebhooksPage() {
  const actor = await requireActor("webhook.manage");
  const t = await getTranslations("webhooks");
  const [webhooks, departments] = await Promise.all([listWebhooks({ actor }), listDepartments()]);
  const units = departments.map((d) => ({ id: d.id, name: d.name }));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <Card>
        <p className="mb-3 text-xs text-slate-500">{t("explain")}</p>
        {webhooks.length ? (
          <SimpleTable
            testId="webhooks-table"
            headers={[t("name"), t("kind"), t("unit"), t("events"), t("status"), t("deliveries"), ""]}
          >
            {webhooks.map((w) => (
              <WebhookRow key={`${w.id}-${w.version}`} webhook={w} departments={units} />
            ))}
          </SimpleTable>
        ) : (
          <p className="py-4 text-center text-sm text-slate-500">{t("none")}</p>
        )}
      </Card>
      <Card title={t("create")}>
        <WebhookForm departments={units} />
      </Card>
    </div>
  );
}
