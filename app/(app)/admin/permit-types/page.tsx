import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewPermitTypeForm, PermitTypeRow } from "@/components/permits/admin-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { listPermitTypes } from "@/lib/permits/permit-types";
import { permitDepartments } from "@/lib/reference/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("permits.admin"))("typesTitle") };
}

export default async function PermitTypesPage() {
  const actor = await requireActor("permit.admin");
  const t = await getTranslations("permits.admin");
  const [types, departments] = await Promise.all([listPermitTypes({ actor }), permitDepartments()]);
  return (
    <div>
      <PageHeader title={t("typesTitle")} />
      <Card>
        <p className="mb-3 text-xs text-slate-500">{t("typesExplain")}</p>
        <SimpleTable
          testId="permit-types"
          headers={[
            t("code"),
            t("name"),
            t("department"),
            t("statutoryDays"),
            t("fastTrackDays"),
            t("sortOrder"),
            t("active"),
            "",
          ]}
        >
          {types.map((row) => (
            <PermitTypeRow key={`${row.id}-${row.version}`} row={row} departments={departments} />
          ))}
        </SimpleTable>
        <NewPermitTypeForm departments={departments} />
      </Card>
    </div>
  );
}
