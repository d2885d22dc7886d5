// A stored measure as the API and the calculator read it (decimal strings, calendar dates).
// No "server-only" marker: the demo seed uses it too.
import type { IncentiveMeasure as Calc, IncentiveTier } from "./calculate";
import { isoDate } from "../dates";
import type { IncentiveCategoryCode } from "./schemas";

export type MeasureRow = {
  id: string;
  name: string;
  category: IncentiveCategoryCode;
  field: string;
  tiers: unknown;
  threshold: { toFixed(n: number): string } | null;
  cap: { toFixed(n: number): string } | null;
  years: number;
  validFrom: Date;
  validTo: Date | null;
  description: string | null;
  active: boolean;
  version: number;
  createdAt?: Date;
  updatedAt?: Date;
};

export const measureSelect = {
  id: true,
  name: true,
  category: true,
  field: true,
  tiers: true,
  threshold: true,
  cap: true,
  years: true,
  validFrom: true,
  validTo: true,
  description: true,
  active: true,
  version: true,
  updatedAt: true,
} as const;

/** The tiers as stored (JSON): from/to/rate as decimal strings. */
export function tiersOf(json: unknown): IncentiveTier[] {
  if (!Array.isArray(json)) return [];
  return json.map((t: { from: unknown; to: unknown; rate: unknown }) => ({
    from: String(t.from),
    to: t.to === null || t.to === undefined ? null : String(t.to),
    rate: String(t.rate),
  }));
}

export function measureView(m: MeasureRow) {
  return {
    id: m.id,
    name: m.name,
    category: m.category,
    field: m.field,
    tiers: tiersOf(m.tiers),
    threshold: m.threshold?.toFixed(2) ?? null,
    cap: m.cap?.toFixed(2) ?? null,
    years: m.years,
    validFrom: isoDate(m.validFrom)!,
    validTo: isoDate(m.validTo),
    description: m.description,
    active: m.active,
    version: m.version,
  };
}
export type MeasureView = ReturnType<typeof measureView>;

/** The measure as the pure calculator takes it. */
export function calcMeasure(m: MeasureView): Calc {
  return {
    field: m.field,
    tiers: m.tiers,
    threshold: m.threshold,
    cap: m.cap,
    years: m.years,
    validFrom: m.validFrom,
    validTo: m.validTo,
  };
}
