// Once per Jest run: a PostgreSQL server (DATABASE_URL's, or an embedded one in a temp
// dir) and a template database with every migration applied. Each test file then gets
// its own copy of the template (tests/support/database.ts), so files never share state.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, startTemporary, withDatabase, type Database } from "../../scripts/lib/database";
import { migrateDeploy } from "../../scripts/lib/prisma-cli";

declare global {
  var __crmTestDb: Database | undefined;
}

export default async function globalSetup() {
  const given = process.env.DATABASE_URL;
  const db: Database = given
    ? { url: given, embedded: false, stop: async () => {} }
    : await startTemporary("crm-jest-", { durable: false });
  globalThis.__crmTestDb = db;
  const template = `crm_test_tpl_${process.pid}`;
  const templateDb = await createDatabase(db.url, template);
  await migrateDeploy(templateDb.url, { quiet: true });
  process.env.CRM_TEST_SERVER_URL = db.url;
  process.env.CRM_TEST_TEMPLATE = template;
  // The seeded demo's template, made by the first file that asks for it (tests/support/seeded.ts).
  process.env.CRM_TEST_SEEDED_TEMPLATE = `${template}_seeded`;
  process.env.NEXTAUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
  // The app's origin as route handlers see it in tests (requests to http://localhost/…).
  process.env.NEXTAUTH_URL ??= "http://localhost";
  // A placeholder until each file's own database exists.
  process.env.DATABASE_URL = withDatabase(db.url, template);
  process.env.CRM_TEST_GIVEN_URL = given ?? "";
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "crm-jest-uploads-"));
}
