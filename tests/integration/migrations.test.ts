// The migrations, applied to an empty database, produce exactly prisma/schema.prisma:
// compared with a database built straight from the schema (migrate diff --from-empty).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDatabase } from "../../scripts/lib/database";
import { prismaCli } from "../../scripts/lib/prisma-cli";
import { schemaSnapshot } from "../support/schema-snapshot";

const server = process.env.CRM_TEST_SERVER_URL!;

async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const db = await createDatabase(server, `crm_schema_${crypto.randomBytes(4).toString("hex")}`);
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}

describe("migrations", () => {
  it("produce exactly the schema in prisma/schema.prisma", async () => {
    // This file's database was made from the template, which `migrate deploy` built.
    const migrated = await schemaSnapshot(process.env.DATABASE_URL!);
    const fromSchema = await withScratchDatabase(async (url) => {
      const diff = prismaCli(
        ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
        url,
        { quiet: true },
      );
      expect(diff.status).toBe(0);
      const client = new pg.Client(url);
      await client.connect();
      await client.query(diff.stdout);
      await client.end();
      return schemaSnapshot(url);
    });
    expect(migrated.columns.length).toBeGreaterThan(20);
    expect(migrated).toEqual(fromSchema);
  });

  it("`migrate deploy` ends as soon as it has finished (it lingered 10 s on stray timers)", async () => {
    const cli = path.resolve(__dirname, "../../scripts/prisma.mjs");
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let finishedAt = 0;
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      if (!finishedAt && /No pending migrations/.test(output)) finishedAt = Date.now();
    });
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(code).toBe(0);
    expect(finishedAt).toBeGreaterThan(0);
    // Both timers were of 10 s; an exit takes milliseconds.
    expect(Date.now() - finishedAt).toBeLessThan(5_000);
  });

  it("every migration keeps the schema it was made from", () => {
    const dir = path.resolve(__dirname, "../../prisma/migrations");
    const migrations = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) {
      expect(fs.existsSync(path.join(dir, m.name, "migration.sql"))).toBe(true);
      expect(fs.existsSync(path.join(dir, m.name, "schema.prisma"))).toBe(true);
    }
    // The newest snapshot is the current schema: otherwise a migration is missing.
    const last = migrations
      .map((m) => m.name)
      .sort()
      .at(-1)!;
    const snapshot = fs.readFileSync(path.join(dir, last, "schema.prisma"), "utf8");
    expect(snapshot).toBe(fs.readFileSync(path.resolve(__dirname, "../../prisma/schema.prisma"), "utf8"));
  });
});
