// Each integration test file runs against its own fresh database, copied from the
// migrated template (CREATE DATABASE … TEMPLATE is a fast file copy).
import crypto from "node:crypto";
import { createDatabase, type Database } from "../../scripts/lib/database";
import { disconnectDb } from "../../lib/db";
import { stopJobRunner } from "../../lib/jobs/runner";

let db: Database | undefined;

jest.setTimeout(30_000);

beforeAll(async () => {
  db = await createDatabase(process.env.CRM_TEST_SERVER_URL!, `crm_test_${crypto.randomBytes(5).toString("hex")}`, {
    template: process.env.CRM_TEST_TEMPLATE!,
  });
  process.env.DATABASE_URL = db.url;
});

afterAll(async () => {
  // A test that sent jobs (or ran a worker) has a PgBoss on this database: stopped first.
  await stopJobRunner();
  await disconnectDb();
  await db?.stop();
});
