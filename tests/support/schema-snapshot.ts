import pg from "pg";

// Everything about a database's shape that a migration can change, as sorted text,
// so that two databases can be compared (pg_dump is not shipped with the embedded server).
const queries: Record<string, string> = {
  columns: `select table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
            from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`,
  constraints: `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
                from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '_prisma_migrations'`,
  indexes: `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations'`,
  // The values' order, not PostgreSQL's float sort keys (ADD VALUE … BEFORE gives 0.5, 0 …).
  enums: `select t.typname, e.enumlabel, rank() over (partition by t.typname order by e.enumsortorder)::int as position
          from pg_type t join pg_enum e on e.enumtypid = t.oid
          join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public'`,
  extensions: `select extname from pg_extension`,
  sequences: `select sequence_name, data_type from information_schema.sequences where sequence_schema = 'public'`,
};

export async function schemaSnapshot(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const out: Record<string, string[]> = {};
    for (const [name, sql] of Object.entries(queries)) {
      const { rows } = await client.query(sql);
      out[name] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    await client.end();
  }
}
