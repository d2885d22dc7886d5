import { getTranslations } from "next-intl/server";
import { ApiTokens } from "@/components/profile/api-tokens";
import { Card, PageHeader } from "@/components/ui/card";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requireActor } from "@/lib/auth/current";

export default async function ProfilePage() {
  const actor = await requireActor("apiToken.own");
  const t = await getTranslations();
  const tokens = await listApiTokens({ actor });
  return (
    <div className="space-y-4">
      <PageHeader title={t("profile.title")} />
      <Card>
        <dl className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">{t("users.username")}</dt>
            <dd>{actor.username}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("users.displayName")}</dt>
            <dd>{actor.displayName}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("users.role")}</dt>
            <dd>{t(`roles.${actor.role}`)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("users.department")}</dt>
            <dd>{actor.departmentName ?? "—"}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t("profile.tokens")}>
        <p className="mb-3 text-sm text-slate-600">{t("profile.tokensHelp")}</p>
        <ApiTokens tokens={tokens} />
      </Card>
    </div>
  );
}
