// Each integration test file runs against its own fresh database, copied from the
// migrated template (CREATE DATABASE … TEMPLATE is a fast file copy).
import crypto from "node:crypto";
import pg from "pg";
import { withDatabase } from "../../scripts/lib/database";
import { disconnectDb } from "../../lib/db";

const server = process.env.CRM_TEST_SERVER_URL!;
const template = process.env.CRM_TEST_TEMPLATE!;
const name = `crm_test_${crypto.randomBytes(5).toString("hex")}`;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(withDatabase(server, "postgres"));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

jest.setTimeout(30_000);

beforeAll(async () => {
  await admin((c) => c.query(`create database "${name}" template "${template}"`));
  process.env.DATABASE_URL = withDatabase(server, name);
});

afterAll(async () => {
  await disconnectDb();
  await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
});
