import { lockedUntil } from "../../lib/auth/login-lock";

const policy = { maxFailures: 5, baseMinutes: 1, maxMinutes: 60 };
const t0 = new Date("2026-11-27T08:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const failures = (...seconds: number[]) => seconds.map(at);

describe("the login lock", () => {
  it("does not lock before the fifth failure", () => {
    expect(lockedUntil(failures(0, 1, 2, 3), at(4), policy)).toBeNull();
  });

  it("locks for a minute at the fifth failure, then lets the user try again", () => {
    const five = failures(0, 1, 2, 3, 4);
    expect(lockedUntil(five, at(5), policy)).toEqual(at(64));
    expect(lockedUntil(five, at(63), policy)).toEqual(at(64));
    expect(lockedUntil(five, at(64), policy)).toBeNull();
  });

  it("doubles the lock at each further run of five failures, up to the maximum", () => {
    const ten = failures(0, 1, 2, 3, 4, 100, 101, 102, 103, 104);
    expect(lockedUntil(ten, at(105), policy)).toEqual(at(104 + 120));
    const fifteen = [...ten, ...failures(300, 301, 302, 303, 304)];
    expect(lockedUntil(fifteen, at(305), policy)).toEqual(at(304 + 240));
    const many = Array.from({ length: 60 }, (_, i) => at(i * 10_000));
    const last = many[59];
    expect(lockedUntil(many, last, policy)).toEqual(new Date(last.getTime() + 60 * 60_000));
  });

  it("a sixth failure after the first lock does not lock again by itself", () => {
    expect(lockedUntil(failures(0, 1, 2, 3, 4, 200), at(201), policy)).toBeNull();
  });
});
