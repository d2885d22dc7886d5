import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { can, type Action, type Actor } from "@/lib/auth/permissions";
import { permitInboxCount } from "@/lib/permits/queries";
import { unreadCount } from "@/lib/notifications/unread-count";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LanguageSwitch } from "./language-switch";
import { LogoutButton } from "./logout-button";
import { MobileNav } from "./mobile-nav";
import { NavLinks, type NavItem } from "./nav-links";
import { ToastProvider } from "@/components/ui/toast";

// Only sections that exist and that the role may open appear in the sidebar.
const sections: { href: string; key: string; action: Action; group?: string }[] = [
  { href: "/", key: "home", action: "dashboard.read" },
  { href: "/projects", key: "projects", action: "project.read" },
  { href: "/war-room", key: "warRoom", action: "warRoom.menu" },
  { href: "/targets", key: "targets", action: "target.readAll" },
  { href: "/enterprises", key: "enterprises", action: "enterprise.read" },
  { href: "/chains", key: "chains", action: "chain.read" },
  { href: "/permits", key: "permits", action: "permit.read" },
  { href: "/supervision/dispatch", key: "supervisionDispatch", action: "dispatch.overview", group: "supervision" },
  { href: "/supervision/notices", key: "supervisionNotices", action: "supervision.read", group: "supervision" },
  { href: "/supervision/problems", key: "supervisionProblems", action: "problem.read", group: "supervision" },
  { href: "/supervision/meetings", key: "supervisionMeetings", action: "meeting.read", group: "supervision" },
  { href: "/supervision/bulletins", key: "supervisionBulletins", action: "bulletin.read", group: "supervision" },
  { href: "/signing-weeks", key: "signingWeeks", action: "signingWeek.read" },
  { href: "/reports/incentives", key: "incentiveReport", action: "incentive.report" },
  { href: "/profile", key: "profile", action: "apiToken.own" },
  { href: "/admin/users", key: "adminUsers", action: "user.read", group: "admin" },
  { href: "/admin/audit", key: "adminAudit", action: "auditLog.read", group: "admin" },
  { href: "/admin/permit-types", key: "adminPermitTypes", action: "permit.admin", group: "admin" },
  { href: "/admin/calendar", key: "adminCalendar", action: "permit.admin", group: "admin" },
  { href: "/admin/security", key: "adminSecurity", action: "securityLog.read", group: "admin" },
  { href: "/admin/supervision", key: "adminSupervision", action: "supervision.settings", group: "admin" },
  { href: "/admin/webhooks", key: "adminWebhooks", action: "webhook.manage", group: "admin" },
  { href: "/admin/incentive-measures", key: "adminIncentiveMeasures", action: "incentive.manage", group: "admin" },
];

export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const t = await getTranslations();
  // An approver's pending items (their 待办) on 七证合一.
  const badges: Record<string, number> = { permits: await permitInboxCount({ actor }) };
  const unread = can(actor.role, "notification.own") ? await unreadCount({ actor }) : 0;
  const items: NavItem[] = sections
    .filter((s) => can(actor.role, s.action))
    .map((s) => ({
      href: s.href,
      label: t(`nav.${s.key}`),
      group: s.group ? t(`nav.${s.group}`) : undefined,
      badge: badges[s.key]
        ? { count: badges[s.key], label: t(`nav.badges.${s.key}`, { n: badges[s.key] }) }
        : undefined,
    }));
  return (
    <ToastProvider>
      <div className="flex min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only" data-shell-chrome>
          {t("common.skipToContent")}
        </a>
        <aside className="no-print hidden w-56 shrink-0 bg-slate-900 px-3 py-4 md:block" data-shell-chrome>
          <Link href="/" className="mb-6 block px-3 text-base font-bold text-white">
            {t("common.appShort")}
          </Link>
          <nav aria-label={t("common.appShort")}>
            <NavLinks items={items} />
          </nav>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header
            className="no-print flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 py-2 md:px-6 md:py-3"
            data-shell-chrome
          >
            <div className="flex items-center gap-2">
              <MobileNav items={items} label={t("common.menu")} close={t("common.closeMenu")} />
              <span className="hidden text-sm font-semibold text-slate-700 sm:inline">{t("common.appName")}</span>
            </div>
            <div className="flex flex-wrap items-center gap-2 md:gap-4">
              <NotificationBell
                unread={unread}
                label={unread ? t("notifications.bellUnread", { n: unread }) : t("notifications.bell")}
              />
              <LanguageSwitch />
              <span className="text-sm text-slate-700" data-testid="current-user">
                {actor.displayName}
                <span
                  className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700"
                  data-testid="current-role"
                >
                  {t(`roles.${actor.role}`)}
                </span>
                {actor.departmentName ? (
                  <span className="ml-2 hidden text-xs text-slate-500 sm:inline">{actor.departmentName}</span>
                ) : null}
              </span>
              <LogoutButton />
            </div>
          </header>
          <main id="main" className="min-w-0 flex-1 px-3 py-4 md:px-6 md:py-5">
            {children}
          </main>
        </div>
      </div>
    </ToastProvider>
  );
}
