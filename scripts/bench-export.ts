// The grid export's numbers for npm run bench (issue 15, point 8): GET /api/v1/projects/export
// of every project as the manager over HTTP — the time to the first byte and to the last, and
// the server process's resident memory sampled during the download (growth over what it held
// before) — then three managers at once; beside them the same rows read by plain SQL in one
// query, and the file read back (rows, 合计).
import fs from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import pg from "pg";

/** A process's resident and peak resident memory in MB (/proc/<pid>/status). */
function memory(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** The server process and its children (the app runs in the process started, Next.js may fork). */
function treeRss(pid: number): number {
  let total = memory(pid).rss;
  const children = fs.existsSync(`/proc/${pid}/task/${pid}/children`)
    ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)
    : [];
  for (const c of children) {
    try {
      total += treeRss(Number(c));
    } catch {
      // gone
    }
  }
  return total;
}

async function download(base: string, token: string, keep: boolean) {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/projects/export`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`export: HTTP ${res.status} ${await res.text()}`);
  let first = 0;
  let bytes = 0;
  let chunks = 0;
  const kept: Uint8Array[] = [];
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!first) first = performance.now() - t0;
    bytes += chunk.length;
    chunks++;
    if (keep) kept.push(chunk);
  }
  return { first, total: performance.now() - t0, bytes, chunks, file: keep ? Buffer.concat(kept) : null };
}

/** Data rows and the 合计 row's first money cell of an exported file (read as a stream). */
async function readBack(file: Buffer) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { worksheets: "emit" });
  let rows = 0;
  let total: unknown = null;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number <= 3) continue;
      if (row.getCell(1).value === "合计") total = row.getCell(6).value;
      else rows++;
    }
    break;
  }
  return { rows, total };
}

export async function benchExport({
  base,
  token,
  url,
  pid,
  projects,
}: {
  base: string;
  token: string;
  url: string;
  pid: number;
  projects: number;
}) {
  const sql = new pg.Client(url);
  await sql.connect();
  const f = (n: number) => n.toFixed(0);
  const sampled = async <T>(work: () => Promise<T>) => {
    const before = treeRss(pid);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 50);
    try {
      const result = await work();
      return { result, before, peak: Math.max(peak, treeRss(pid)) };
    } finally {
      clearInterval(timer);
    }
  };
  // A first, small export loads the route's modules (not measured).
  await fetch(`${base}/api/v1/projects/export?pageSize=1&q=none-such`, {
    headers: { authorization: `Bearer ${token}` },
  }).then((r) => r.arrayBuffer());

  console.log(
    `\n| export of every project (${projects}) | first byte s | all s | MB | server RSS before MB | peak growth MB |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  let file: Buffer | null = null;
  for (const run of [1, 2]) {
    const { result, before, peak } = await sampled(() => download(base, token, run === 1));
    if (result.file) file = result.file;
    console.log(
      `| GET /api/v1/projects/export, run ${run} (${result.chunks} chunks) | ${(result.first / 1000).toFixed(2)} | ${(result.total / 1000).toFixed(1)} | ${(result.bytes / 2 ** 20).toFixed(1)} | ${f(before)} | ${f(peak - before)} |`,
    );
  }
  const three = await sampled(() => Promise.all([1, 2, 3].map(() => download(base, token, false))));
  console.log(
    `| three managers at once | ${(Math.max(...three.result.map((r) => r.first)) / 1000).toFixed(2)} | ${(Math.max(...three.result.map((r) => r.total)) / 1000).toFixed(1)} | ${(three.result.reduce((s, r) => s + r.bytes, 0) / 2 ** 20).toFixed(1)} | ${f(three.before)} | ${f(three.peak - three.before)} |`,
  );
  const t = performance.now();
  const plain = await sql.query(
    `select p.*, i.name as "industryName", k.name as "parkName", o."displayName" as "ownerName", l."displayName" as "leaderName"
       from projects p join industries i on i.id = p."industryId" left join parks k on k.id = p."parkId"
       join users o on o.id = p."ownerId" left join users l on l.id = p."leaderId"
      order by p."updatedAt" desc, p.id`,
  );
  console.log(
    `same rows in one plain SQL query: ${((performance.now() - t) / 1000).toFixed(1)} s (${plain.rowCount} rows, all in memory)`,
  );
  // The export holds the first 100,000 of the view (EXPORT_LIMIT).
  const exact = (
    await sql.query(
      `select sum(t)::text as s, count(*) as n from
         (select "totalInvestment" as t from projects order by "updatedAt" desc, id limit 100000) x`,
    )
  ).rows[0];
  const back = await readBack(file!);
  console.log(
    `read back: ${back.rows} data rows (database: ${exact.n}), 合计 总投资 ${back.total} (SQL sum ${exact.s}); load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
  );
  await sql.end();
}
