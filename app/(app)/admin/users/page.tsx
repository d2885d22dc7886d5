import { SimpleTable } from "@/components/ui/simple-table";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { requireActor } from "@/lib/auth/current";
import { listDepartments, listUsers } from "@/lib/users/list-users";
import { FilterError } from "@/components/ui/filter-error";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("user.manage");
  const t = await getTranslations();
  const sp = await searchParams;
  const query = { q: sp.q, page: sp.page };
  const [{ result: users, filterError }, departments] = await Promise.all([
    listWithFilterNote((q) => listUsers({ actor, query: q }), query),
    listDepartments(),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("users.title")} />
      <Card title={t("users.create")}>
        <CreateUserForm departments={departments} />
      </Card>
      <Card>
        <FilterError message={filterError} />
        <form method="get" className="mb-3 flex gap-2" role="search">
          <input
            name="q"
            defaultValue={sp.q ?? ""}
            placeholder={t("users.searchPlaceholder")}
            aria-label={t("users.searchPlaceholder")}
            className="w-56 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          <button className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">{t("common.search")}</button>
        </form>
        <SimpleTable
          headers={[
            t("users.username"),
            t("users.displayName"),
            t("users.role"),
            t("users.department"),
            t("users.status"),
            t("common.actions"),
          ]}
          testId="users-table"
        >
          {users.items.map((u) => (
            <tr
              key={u.id}
              data-saved-id={u.id}
              data-username={u.username}
              data-active={String(u.active)}
              className={u.active ? "" : "bg-slate-50 text-slate-400"}
            >
              <td className="px-3 py-2 font-mono text-xs">
                {u.username}
                {u.id === actor.id ? <span className="ml-1 text-slate-400">{t("users.you")}</span> : null}
              </td>
              <td className="px-3 py-2">{u.displayName}</td>
              <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
              <td className="px-3 py-2">{u.department ?? "—"}</td>
              <td className="px-3 py-2">{u.active ? t("users.active") : t("users.inactive")}</td>
              <td className="px-3 py-2">
                <UserRowActions user={u} departments={departments} isSelf={u.id === actor.id} />
              </td>
            </tr>
          ))}
        </SimpleTable>
        <Pagination
          basePath="/admin/users"
          params={{ q: sp.q }}
          page={users.page}
          pageSize={users.pageSize}
          total={users.total}
        />
      </Card>
    </div>
  );
}
