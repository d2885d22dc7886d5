"use client";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { NavLinks, type NavItem } from "./nav-links";

/**
 * On a phone the sidebar folds behind a menu button: it opens the same links as a drawer over
 * the page (Esc, the backdrop, 关闭 or following a link closes it). Rendered only while open,
 * so a wide screen has one navigation.
 */
export function MobileNav({ items, label, close }: { items: NavItem[]; label: string; close: string }) {
  // Open on the page it was opened on: following a link (a new pathname) closes it.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (on: boolean) => setOpenOn(on ? pathname : null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpenOn(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 md:hidden"
        aria-expanded={open}
        aria-controls="mobile-nav"
        data-testid="menu-button"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">☰</span> {label}
      </button>
      {open ? (
        <div className="fixed inset-0 z-40 md:hidden" role="dialog" aria-modal="true" aria-label={label}>
          <div className="absolute inset-0 bg-slate-900/50" aria-hidden="true" onClick={() => setOpen(false)} />
          <nav id="mobile-nav" className="absolute inset-y-0 left-0 w-64 overflow-y-auto bg-slate-900 px-3 py-4">
            <button
              type="button"
              className="mb-4 rounded-md border border-white/30 px-3 py-1 text-sm text-white"
              onClick={() => setOpen(false)}
            >
              {close}
            </button>
            <NavLinks items={items} />
          </nav>
        </div>
      ) : null}
    </>
  );
}
