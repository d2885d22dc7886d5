// The district's park plan (挂图作战): a schematic drawn for this project, not a survey map and
// no online tiles. Coordinates are in the SVG's own units (viewBox 0 0 1000 620). Pure: the
// markers' places come from a hash of the project's id, so a project sits in the same spot on
// every screen and every refresh.

export type Point = readonly [number, number];

export const PLAN_WIDTH = 1000;
export const PLAN_HEIGHT = 620;

/** The sea east of the coastline (the district is a coastal new district). */
export const seaPath = "M 800 0 C 850 100 930 200 900 330 C 880 430 860 520 905 620 L 1000 620 L 1000 0 Z";
/** The coastline itself (the sea's western edge). */
export const coastPath = "M 800 0 C 850 100 930 200 900 330 C 880 430 860 520 905 620";

/** Main roads: the east–west 滨海大道 and the north–south 园区大道, and a coastal road. */
export const roadPaths = [
  "M 0 312 L 890 312",
  "M 432 0 L 432 620",
  "M 772 0 C 822 100 898 200 876 330 C 862 430 842 520 884 620",
];

/** Park outlines keyed by park code (parks.code); a park without one is listed beside the plan. */
export const parkShapes: Record<string, readonly Point[]> = {
  EIP: [
    [60, 60],
    [385, 48],
    [405, 282],
    [80, 290],
  ],
  BIO: [
    [462, 50],
    [735, 40],
    [790, 160],
    [722, 284],
    [462, 284],
  ],
  NMP: [
    [60, 342],
    [402, 342],
    [385, 565],
    [95, 585],
    [48, 462],
  ],
  HEM: [
    [462, 342],
    [682, 342],
    [668, 562],
    [462, 575],
  ],
  MAR: [
    [700, 342],
    [848, 342],
    [834, 452],
    [808, 545],
    [690, 560],
  ],
};

/** Where a park's name goes: the top of its outline, centred. */
export function labelPoint(poly: readonly Point[]): Point {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, Math.min(...ys) + 34];
}

/** A label's font size: at most `max`, small enough for the text to fit the outline's width. */
export function labelSize(poly: readonly Point[], text: string, max: number): number {
  const xs = poly.map((p) => p[0]);
  return Math.min(max, Math.floor((Math.max(...xs) - Math.min(...xs) - 16) / [...text].length));
}

/** Ray casting: whether the point lies inside the polygon. */
export function inside([x, y]: Point, poly: readonly Point[]): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** FNV-1a, 32 bits: a stable number from a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Distance from the point to the polygon's nearest edge. */
function edgeDistance([x, y]: Point, poly: readonly Point[]): number {
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j];
    const [bx, by] = poly[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

/**
 * A marker's place inside the park: points drawn from the id's hash over the outline's box
 * below its label, the first one inside with room for the dot; the box's centre area if none.
 */
export function markerPoint(id: string, poly: readonly Point[], margin = 10): Point {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const minY = Math.min(...ys) + 70; // below the name and the totals
  const maxY = Math.max(...ys);
  for (let attempt = 0; attempt < 32; attempt++) {
    const h = hash32(`${id}:${attempt}`);
    const u = (h & 0xffff) / 0xffff;
    const v = (h >>> 16) / 0xffff;
    const p: Point = [minX + u * (maxX - minX), minY + v * (maxY - minY)];
    if (inside(p, poly) && edgeDistance(p, poly) >= margin) return [Math.round(p[0]), Math.round(p[1])];
  }
  const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  return [Math.round(cx), Math.round(cy)];
}

export const pointsAttr = (poly: readonly Point[]) => poly.map((p) => p.join(",")).join(" ");
