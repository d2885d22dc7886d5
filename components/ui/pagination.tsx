import Link from "next/link";
import { useTranslations } from "next-intl";

/** Page links that keep the rest of the query string (the URL holds the list state). */
export function Pagination({
  basePath,
  params,
  page,
  pageSize,
  total,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const t = useTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
    qs.set("page", String(p));
    return `${basePath}?${qs.toString()}`;
  };
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100";
  return (
    <nav className="flex items-center justify-between gap-4 py-3 text-sm text-slate-600" aria-label="pagination">
      <span>{t("pageInfo", { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={href(page - 1)}>
            {t("previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={linkClass} href={href(page + 1)}>
            {t("next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
