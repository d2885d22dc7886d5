import { inside, markerPoint, parkShapes } from "../../components/war-room/plan-geometry";

// The park plan's markers: the same project always lands on the same spot, inside its park's outline.
describe("park plan markers", () => {
  const ids = Array.from({ length: 300 }, (_, i) => `cl${i.toString(36)}x${(i * 7919).toString(36)}`);

  it.each(Object.entries(parkShapes))("%s: every marker lies inside the outline, and stays put", (_code, poly) => {
    for (const id of ids) {
      const p = markerPoint(id, poly);
      expect([id, inside(p, poly)]).toEqual([id, true]);
      expect(markerPoint(id, poly)).toEqual(p);
    }
  });

  it("different projects spread over the park (not all on one spot)", () => {
    const spots = new Set(ids.map((id) => markerPoint(id, parkShapes.EIP).join(",")));
    expect(spots.size).toBeGreaterThan(250);
  });

  it("the five parks of the district are drawn", () => {
    expect(Object.keys(parkShapes).sort()).toEqual(["BIO", "EIP", "HEM", "MAR", "NMP"]);
  });
});
