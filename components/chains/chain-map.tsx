"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { convertTargetAction } from "@/app/(app)/chains/actions";
import { StageBadge } from "@/components/ui/badges";
import type { ChainGaps } from "@/lib/chains/queries";

type GapLink = ChainGaps["links"][number];

const columns = ["UPSTREAM", "MIDSTREAM", "DOWNSTREAM"] as const;
const colors = {
  MISSING: { fill: "#fee2e2", stroke: "#dc2626", text: "#991b1b" },
  WEAK: { fill: "#fef3c7", stroke: "#d97706", text: "#92400e" },
  COVERED: { fill: "#d1fae5", stroke: "#059669", text: "#065f46" },
} as const;
const BOX_W = 200;
const BOX_H = 58;
const COL_W = 290;
const ROW_H = 80;
const TOP = 44;

/**
 * 图谱: the chain's links in three columns from upstream to downstream, coloured by gap
 * status, with the tree's edges; a click on a link opens its enterprises, projects and
 * targets, and a target becomes a lead with one click.
 */
export function ChainMap({
  chainId,
  links,
  canConvert,
  owners,
}: {
  chainId: string;
  links: GapLink[];
  canConvert: boolean;
  /** Who may own a lead, when the user assigns leads (a manager); else the user converts for themselves. */
  owners: { id: string; label: string }[] | null;
}) {
  const t = useTranslations("chains");
  const router = useRouter();
  const [selectedId, setSelectedId] = useState<string | null>(links.find((l) => l.status === "MISSING")?.id ?? null);
  const [message, setMessage] = useState<{ text: string; projectId?: string; error?: boolean } | null>(null);
  const [pending, start] = useTransition();
  const place = new Map<string, { x: number; y: number }>();
  columns.forEach((pos, c) =>
    links
      .filter((l) => l.position === pos)
      .forEach((l, r) => place.set(l.id, { x: 20 + c * COL_W, y: TOP + r * ROW_H })),
  );
  const rows = Math.max(1, ...columns.map((pos) => links.filter((l) => l.position === pos).length));
  const height = TOP + rows * ROW_H + 10;
  // Room on the right for the curve between two links of the last column.
  const width = 20 + 2 * COL_W + BOX_W + 60;
  const selected = links.find((l) => l.id === selectedId) ?? null;

  // A manager names the 招商专员 who will own the lead before it is made.
  const [choosing, setChoosing] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState("");
  const convert = (enterpriseId: string) =>
    start(async () => {
      const res = await convertTargetAction(chainId, { linkId: selectedId, enterpriseId, ownerId });
      setChoosing(null);
      if (res.ok) {
        setMessage({
          text: t(res.data.created ? "converted" : "already", { code: res.data.code }),
          projectId: res.data.projectId,
        });
        router.refresh();
      } else setMessage({ text: res.error.message, error: true });
    });

  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-[1fr_22rem]">
      <div className="overflow-x-auto">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="w-full min-w-[640px]"
          role="group"
          aria-label={t("map")}
          data-testid="chain-map"
        >
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#94a3b8" />
            </marker>
          </defs>
          {columns.map((pos, c) => (
            <text
              key={pos}
              x={20 + c * COL_W + BOX_W / 2}
              y={20}
              textAnchor="middle"
              fontSize="14"
              fontWeight="600"
              fill="#334155"
            >
              {t(`positions.${pos}`)}
            </text>
          ))}
          {columns.slice(0, 2).map((pos, c) => (
            <line
              key={pos}
              x1={20 + c * COL_W + BOX_W + 10}
              y1={15}
              x2={20 + (c + 1) * COL_W - 10}
              y2={15}
              stroke="#94a3b8"
              strokeWidth="1.5"
              markerEnd="url(#arrow)"
            />
          ))}
          {links
            .filter((l) => l.parentId && place.has(l.parentId))
            .map((l) => {
              const a = place.get(l.parentId!)!;
              const b = place.get(l.id)!;
              const sameColumn = a.x === b.x;
              const d = sameColumn
                ? `M ${a.x + BOX_W} ${a.y + BOX_H / 2} C ${a.x + BOX_W + 40} ${a.y + BOX_H / 2}, ${b.x + BOX_W + 40} ${b.y + BOX_H / 2}, ${b.x + BOX_W} ${b.y + BOX_H / 2}`
                : `M ${a.x + BOX_W} ${a.y + BOX_H / 2} C ${a.x + BOX_W + 45} ${a.y + BOX_H / 2}, ${b.x - 45} ${b.y + BOX_H / 2}, ${b.x} ${b.y + BOX_H / 2}`;
              return (
                <path key={`e-${l.id}`} d={d} fill="none" stroke="#94a3b8" strokeWidth="1.5" markerEnd="url(#arrow)" />
              );
            })}
          {links.map((l) => {
            const p = place.get(l.id)!;
            const c = colors[l.status];
            const active = l.id === selectedId;
            return (
              <g
                key={l.id}
                transform={`translate(${p.x}, ${p.y})`}
                role="button"
                tabIndex={0}
                aria-pressed={active}
                aria-label={`${l.name} ${t(`statuses.${l.status}`)}`}
                data-link={l.name}
                data-status={l.status}
                className="cursor-pointer focus:outline-none"
                onClick={() => {
                  setSelectedId(l.id);
                  setMessage(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    setSelectedId(l.id);
                    setMessage(null);
                  }
                }}
              >
                <rect
                  width={BOX_W}
                  height={BOX_H}
                  rx="8"
                  fill={c.fill}
                  stroke={c.stroke}
                  strokeWidth={active ? 3 : 1.5}
                />
                <text x="12" y="22" fontSize="14" fontWeight="600" fill={c.text}>
                  {l.name}
                </text>
                <text x={BOX_W - 10} y="22" fontSize="11" textAnchor="end" fill={c.text}>
                  {t(`statuses.${l.status}`)}
                </text>
                <text x="12" y="44" fontSize="11" fill="#475569">
                  {t("counts", { local: l.localEnterprises, projects: l.openProjects, target: l.targetCount })}
                </text>
              </g>
            );
          })}
        </svg>
        <p className="mt-1 text-xs text-slate-500">{t("clickHint")}</p>
      </div>

      <aside className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="link-panel">
        {selected ? (
          <div className="space-y-3">
            <h3 className="flex items-center justify-between font-semibold">
              <span data-testid="link-panel-name">{selected.name}</span>
              <span className="text-xs" style={{ color: colors[selected.status].text }}>
                {t(`statuses.${selected.status}`)}
              </span>
            </h3>
            <section>
              <h4 className="text-xs font-medium text-slate-500">{t("localEnterprises")}</h4>
              {selected.enterprises.length ? (
                <ul>
                  {selected.enterprises.map((e) => (
                    <li key={e.id}>
                      <Link href={`/enterprises/${e.id}`} className="hover:underline">
                        {e.name}
                      </Link>
                      {e.isChainLeader ? (
                        <span className="ml-1 rounded bg-indigo-100 px-1 text-xs text-indigo-800">{t("leader")}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-400">{t("none")}</p>
              )}
            </section>
            <section>
              <h4 className="text-xs font-medium text-slate-500">{t("openProjects")}</h4>
              {selected.projects.length ? (
                <ul className="space-y-1">
                  {selected.projects.map((p) => (
                    <li key={p.id}>
                      <Link href={`/projects/${p.id}`} className="hover:underline">
                        {p.name}
                      </Link>{" "}
                      <StageBadge stage={p.stage} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-400">{t("none")}</p>
              )}
            </section>
            {selected.status !== "COVERED" ? (
              <section>
                <h4 className="text-xs font-medium text-slate-500">{t("targets")}</h4>
                {selected.targets.length ? (
                  <ul className="space-y-1" data-testid="link-targets">
                    {selected.targets.map((e) => (
                      <li key={e.id} className="flex items-center justify-between gap-2">
                        <span>
                          {e.name}
                          <span className="block text-xs text-slate-500">
                            {[e.region, e.scale].filter(Boolean).join(" · ")}
                          </span>
                        </span>
                        {e.leadProjectId ? (
                          <Link href={`/projects/${e.leadProjectId}`} className="text-xs text-emerald-700 underline">
                            {t("isLead")}
                          </Link>
                        ) : canConvert && owners && choosing === e.id ? (
                          <span className="flex shrink-0 items-center gap-1">
                            <select
                              aria-label={t("leadOwner")}
                              className="rounded border border-slate-300 px-1 py-0.5 text-xs"
                              value={ownerId}
                              onChange={(ev) => setOwnerId(ev.target.value)}
                            >
                              <option value="">{t("chooseOwner")}</option>
                              {owners.map((o) => (
                                <option key={o.id} value={o.id}>
                                  {o.label}
                                </option>
                              ))}
                            </select>
                            <button
                              type="button"
                              disabled={pending || !ownerId}
                              onClick={() => convert(e.id)}
                              className="rounded bg-brand-700 px-2 py-1 text-xs text-white hover:bg-brand-800 disabled:opacity-50"
                            >
                              {t("assignLead")}
                            </button>
                          </span>
                        ) : canConvert ? (
                          <button
                            type="button"
                            disabled={pending}
                            onClick={() => (owners ? setChoosing(e.id) : convert(e.id))}
                            className="shrink-0 rounded bg-brand-700 px-2 py-1 text-xs text-white hover:bg-brand-800 disabled:opacity-50"
                          >
                            {t("toLead")}
                          </button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-slate-400">{t("none")}</p>
                )}
              </section>
            ) : null}
            {message ? (
              <p
                role="status"
                className={`rounded px-2 py-1 ${message.error ? "bg-red-50 text-red-700" : "bg-emerald-50 text-emerald-800"}`}
                data-testid="convert-message"
              >
                {message.text}{" "}
                {message.projectId ? (
                  <Link href={`/projects/${message.projectId}`} className="underline">
                    →
                  </Link>
                ) : null}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-slate-500">{t("clickHint")}</p>
        )}
      </aside>
    </div>
  );
}
