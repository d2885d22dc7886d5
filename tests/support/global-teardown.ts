import fs from "node:fs";
import pg from "pg";
import { withDatabase } from "../../scripts/lib/database";

export default async function globalTeardown() {
  const server = process.env.CRM_TEST_SERVER_URL;
  const template = process.env.CRM_TEST_TEMPLATE;
  if (server && template) {
    const admin = new pg.Client(withDatabase(server, "postgres"));
    await admin.connect();
    await admin.query(`drop database if exists "${template}" with (force)`);
    await admin.end();
  }
  await globalThis.__crmTestDb?.stop();
  if (process.env.UPLOAD_DIR?.includes("crm-jest-uploads-")) fs.rmSync(process.env.UPLOAD_DIR, { recursive: true, force: true });
  if (process.env.CRM_TEST_GIVEN_URL) process.env.DATABASE_URL = process.env.CRM_TEST_GIVEN_URL;
}
