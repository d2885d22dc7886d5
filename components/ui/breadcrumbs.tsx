import { useTranslations } from "next-intl";
import Link from "next/link";

export type Crumb = { label: string; href?: string };

/** Where a detail page sits: 招商项目库 › 项目名称. Every crumb but the last links back. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const t = useTranslations("common");
  return (
    <nav aria-label={t("breadcrumbs")} data-testid="breadcrumbs" className="mb-2 text-sm text-slate-500">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${c.label}`} className="flex items-center gap-1">
              {i > 0 ? (
                <span aria-hidden className="text-slate-400">
                  ›
                </span>
              ) : null}
              {c.href && !last ? (
                <Link href={c.href} className="text-brand-700 hover:underline">
                  {c.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className="text-slate-700">
                  {c.label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
