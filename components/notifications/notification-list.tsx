"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markReadAction } from "@/app/(app)/notifications/actions";
import { useAction } from "@/components/ui/use-action";
import { formatDateTime } from "@/lib/format";
import type { NotificationItem } from "@/lib/notifications/list-notifications";

/**
 * The inbox, newest first: unread entries bold with a dot. Opening an entry marks it read
 * and goes to its page; an entry without a page is marked read by its button.
 */
export function NotificationList({
  items,
  unread,
  emptyText,
}: {
  items: NotificationItem[];
  unread: number;
  emptyText: string;
}) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const { run, pending, firstError } = useAction();
  const [opening, startOpening] = useTransition();

  const open = (n: NotificationItem) =>
    startOpening(async () => {
      if (!n.readAt) await markReadAction({ ids: [n.id] });
      if (n.href) router.push(n.href);
      else router.refresh();
    });

  return (
    <div>
      <div className="mb-2 flex items-center justify-end gap-3">
        {firstError ? (
          <span role="alert" className="text-xs text-red-600">
            {firstError}
          </span>
        ) : null}
        {unread > 0 ? (
          <button
            type="button"
            disabled={pending}
            data-testid="mark-all-read"
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
            onClick={() => run(() => markReadAction({ all: true }), undefined, t("markedAllRead", { n: unread }))}
          >
            {t("markAllRead")}
          </button>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="notification-list" aria-busy={opening}>
          {items.map((n) => (
            <li
              key={n.id}
              data-testid="notification"
              data-unread={n.readAt ? "false" : "true"}
              className={`flex items-start gap-3 px-2 py-3 ${n.readAt ? "" : "bg-brand-50/40"}`}
            >
              <span
                aria-hidden="true"
                className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-red-600"}`}
              />
              <div className="min-w-0 flex-1">
                {n.href ? (
                  <a
                    href={n.href}
                    className={`text-sm hover:underline ${n.readAt ? "text-slate-600" : "font-semibold text-slate-900"}`}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                      e.preventDefault();
                      open(n);
                    }}
                  >
                    {n.message}
                  </a>
                ) : (
                  <span className={`text-sm ${n.readAt ? "text-slate-600" : "font-semibold text-slate-900"}`}>
                    {n.message}
                  </span>
                )}
                <div className="mt-0.5 text-xs text-slate-500">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  <span className="ml-2">{n.readAt ? t("read") : t("unread")}</span>
                </div>
              </div>
              {!n.readAt ? (
                <button
                  type="button"
                  disabled={pending || opening}
                  className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
                  onClick={() => run(() => markReadAction({ ids: [n.id] }), undefined, t("markedRead"))}
                >
                  {t("markRead")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
