import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/current";

// The signed-in area. Each page checks the session and role again itself: a layout
// is not re-run on every navigation, so it is never the only check.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return <AppShell actor={actor}>{children}</AppShell>;
}
