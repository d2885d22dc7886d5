import { databaseDown, isDatabaseUnavailable, noteDatabaseResult } from "../../lib/database-state";

describe("a lost database connection, recognised", () => {
  it("in the shapes pg, the driver adapter and Prisma give it", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      syscall: "connect",
      errno: -111,
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P1001", message: "Can't reach database server" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P1017", message: "Server has closed the connection." })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ cause: { kind: "postgres", originalCode: "57P01" } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P03", message: "the database system is starting up" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: refused }))).toBe(true);
  });

  it("and nothing else", () => {
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable({ cause: { kind: "UniqueConstraintViolation" } })).toBe(false);
    expect(isDatabaseUnavailable({ code: "23505" })).toBe(false);
  });

  it("down after an unreachable server, up after the next success, unchanged by other errors", () => {
    noteDatabaseResult();
    expect(databaseDown()).toBe(false);
    noteDatabaseResult({ code: "ECONNREFUSED" });
    expect(databaseDown()).toBe(true);
    noteDatabaseResult(new Error("boom"));
    expect(databaseDown()).toBe(true);
    noteDatabaseResult();
    expect(databaseDown()).toBe(false);
  });
});
