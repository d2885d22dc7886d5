// Every figure of the dashboard links to the project grid filtered to exactly the projects it
// counts (pure: the dashboard's server and client components build the same URLs). Clean counts
// use the grid's 首次进入 filter (entered=SIGNED&enteredFrom=…&enteredTo=…, lib/projects/queries.ts
// enteredWhere); current figures (funnel, colours) the stage and warning filters. `mine=0` asks for
// every project (staff would otherwise open their own first); a staff member's own figures add
// their username as owner.

export type FigureFilter = {
  entered?: string;
  stage?: string;
  warning?: string;
  industry?: string;
  park?: string;
  channel?: string;
  chain?: string;
  owner?: string;
  leader?: string;
  /** 1–12: the month of the first entry instead of the whole year. */
  month?: number;
  /** Another year than the dashboard's (the monthly chart's last year). */
  year?: number;
};

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function figureHref(context: { year: number; owner?: string | null }, f: FigureFilter): string {
  const qs = new URLSearchParams();
  const year = f.year ?? context.year;
  if (f.entered) {
    qs.set("entered", f.entered);
    qs.set("enteredFrom", f.month ? `${year}-${pad(f.month)}-01` : `${year}-01-01`);
    qs.set("enteredTo", f.month ? `${year}-${pad(f.month)}-${pad(lastDay(year, f.month))}` : `${year}-12-31`);
  }
  for (const k of ["stage", "warning", "industry", "park", "channel", "chain", "leader"] as const) {
    const v = f[k];
    if (v) qs.set(k, v);
  }
  const owner = f.owner ?? context.owner;
  if (owner) qs.set("owner", owner);
  qs.set("mine", "0");
  return `/projects?${qs.toString()}`;
}
