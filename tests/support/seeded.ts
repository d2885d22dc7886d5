// The seeded demo (prisma/seed.ts) for the test files that read it: seeded once per Jest run into
// a template of its own (a copy of the migrated template), under an advisory lock so that parallel
// workers seed it once; each such file's database is then replaced by a copy of it. A fresh seed
// costs 6–10 s on CI; nine files read the seeded data. The seed itself on an empty database is
// still tested where it matters (seed-district-year.test.ts seeds a second fresh database).
import { createDatabase, onServer } from "../../scripts/lib/database";
import { prismaFor } from "../../scripts/lib/runtime";
import { disconnectDb } from "../../lib/db";
import { seed } from "../../prisma/seed";

/** Replaces this file's (still empty) database by a copy of the seeded demo. Call it first in beforeAll. */
export async function useSeededDatabase() {
  const server = process.env.CRM_TEST_SERVER_URL!;
  const template = process.env.CRM_TEST_TEMPLATE!;
  const seeded = process.env.CRM_TEST_SEEDED_TEMPLATE!;
  await disconnectDb();
  await onServer(server, async (admin) => {
    await admin.query("select pg_advisory_lock(hashtext($1))", [seeded]);
    try {
      const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [seeded]);
      if (rowCount) return;
      // Seeded under another name and renamed when complete: a seed that failed half-way is never used.
      const seeding = await createDatabase(server, `${seeded}_tmp`, { template });
      const prisma = prismaFor(seeding.url);
      try {
        await seed(prisma);
      } finally {
        await prisma.$disconnect();
      }
      await admin.query(`alter database "${seeded}_tmp" rename to "${seeded}"`);
    } finally {
      await admin.query("select pg_advisory_unlock(hashtext($1))", [seeded]);
    }
  });
  // This file's database (tests/support/database.ts named it), made again as a copy of the seeded one.
  await createDatabase(server, new URL(process.env.DATABASE_URL!).pathname.slice(1), { template: seeded });
}
