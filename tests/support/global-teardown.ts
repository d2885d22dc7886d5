import fs from "node:fs";
import { dropDatabase } from "../../scripts/lib/database";

export default async function globalTeardown() {
  const server = process.env.CRM_TEST_SERVER_URL;
  const template = process.env.CRM_TEST_TEMPLATE;
  if (server && template) {
    await dropDatabase(server, template);
    await dropDatabase(server, process.env.CRM_TEST_SEEDED_TEMPLATE!);
  }
  await globalThis.__crmTestDb?.stop();
  if (process.env.UPLOAD_DIR?.includes("crm-jest-uploads-"))
    fs.rmSync(process.env.UPLOAD_DIR, { recursive: true, force: true });
  if (process.env.CRM_TEST_GIVEN_URL) process.env.DATABASE_URL = process.env.CRM_TEST_GIVEN_URL;
}
