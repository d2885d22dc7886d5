"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string; group?: string; badge?: { count: number; label: string } };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1" data-testid="sidebar-nav">
      {items.map((item, i) => {
        const active =
          item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
        const heading = item.group && item.group !== items[i - 1]?.group ? item.group : undefined;
        return (
          <li key={item.href}>
            {heading ? (
              <p className="mt-4 mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-slate-400">{heading}</p>
            ) : null}
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm ${active ? "bg-brand-700 text-white" : "text-slate-200 hover:bg-white/10"}`}
            >
              {item.label}
              {item.badge ? (
                <span
                  className="ml-2 rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-slate-900"
                  title={item.badge.label}
                  data-testid="nav-badge"
                >
                  <span aria-hidden="true">{item.badge.count}</span>
                  <span className="sr-only">{item.badge.label}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
