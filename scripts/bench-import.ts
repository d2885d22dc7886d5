// The project import's numbers for npm run bench (issue 15, point 9): a 10,000-row .xlsx —
// new projects (some signed, with their dates), updates of existing codes, a code given twice
// and rows with errors — uploaded as the manager over HTTP (POST /api/v1/imports, a dry run),
// then committed (POST /api/v1/imports/{id}/commit with skipErrors), each polled until done;
// seconds and rows a second, and the counts read back from the database; then the run's
// projects and enterprises removed again, so that runs on a kept database compare.
import crypto from "node:crypto";
import ExcelJS from "exceljs";
import pg from "pg";

type Job = {
  id: string;
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  skipped: number;
  error: string | null;
};

const header = [
  "项目编号",
  "项目名称",
  "投资企业",
  "统一社会信用代码",
  "产业",
  "园区",
  "总投资（万元）",
  "固定资产投资（万元）",
  "招商专员",
  "阶段",
  "签约日期",
  "合同投资额（万元）",
  "标签",
  "项目简介",
];

const cities = ["青岛", "烟台", "潍坊", "济南", "上海", "深圳", "苏州", "杭州", "宁波", "合肥", "", ""];
const trades = [
  "新能源科技",
  "汽车零部件",
  "精密模具",
  "生物医药",
  "半导体材料",
  "智能装备",
  "食品",
  "海洋科技",
  "物流",
  "新材料",
  "电子信息",
  "医疗器械",
];
const forms = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"];
const syllables = "华海瑞鼎盛恒信达泰康源昌宏晟博远新天诚汇联创伟嘉明德安润丰凯隆通星辰云启航永祥东方金宇睿智";
/** A brand of two or three characters, different for each number (and for each run). */
function brand(n: number, tag: string) {
  const h = crypto.createHash("md5").update(`${tag}-${n}`).digest();
  const len = h[0] % 3 === 0 ? 3 : 2;
  return [...Array(len)].map((_, k) => syllables[h[k + 1] % syllables.length]).join("");
}

/** The workbook: `rows` data rows, about 70% new, 22% updates, 4% a code given twice, 4% errors. */
export async function workbook(sql: pg.Client, rows: number, tag: string) {
  const industries = (await sql.query(`select name from industries order by "sortOrder"`)).rows.map((r) => r.name);
  const parks = (await sql.query(`select name from parks order by name`)).rows.map((r) => r.name);
  const updates = Math.round(rows * 0.22);
  const existing = (
    await sql.query(
      `select code, name, "enterpriseName", "totalInvestment"::text as t from projects
        where code like 'GEN-%' and stage not in ('TERMINATED') order by random() limit $1`,
      [updates],
    )
  ).rows as { code: string; name: string; enterpriseName: string; t: string }[];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目");
  ws.addRow(header);
  let fresh = 0;
  const newRow = (i: number) => {
    fresh++;
    const signed = i % 7 === 0;
    // Enterprises: mostly new ones with names as varied as a bureau's (city, brand, trade,
    // form), every fifth an investor named twice in the file.
    const n = i % 5 === 0 ? Math.floor(i / 10) : i;
    const enterprise = `${cities[n % cities.length]}${brand(n, tag)}${trades[(n >> 3) % trades.length]}${forms[n % forms.length]}`;
    return [
      `BI-${tag}-${String(i).padStart(6, "0")}`,
      `年产 ${(i % 90) + 10} 万套${["储能电池", "汽车零部件", "精密模具", "生物医药"][i % 4]}项目 ${i}`,
      enterprise,
      "",
      industries[i % industries.length],
      i % 3 === 0 ? "" : parks[i % parks.length],
      String(1000 + (i % 500) * 37),
      i % 2 ? String(800 + (i % 300) * 11) : "",
      "",
      signed ? "签约" : i % 2 ? "洽谈" : "",
      signed ? "2026-03-01" : "",
      signed ? String(900 + (i % 400) * 10) : "",
      i % 4 === 0 ? "十强产业，储能" : "",
      i % 6 === 0 ? `批量导入基准第 ${i} 行` : "",
    ];
  };
  let e = 0;
  for (let i = 1; i <= rows; i++) {
    const slot = i % 50;
    if (slot < 11 && e < existing.length) {
      // An existing project: a new total and a description.
      const p = existing[e++];
      ws.addRow([
        p.code,
        p.name,
        p.enterpriseName,
        "",
        "",
        "",
        (Number(p.t) + 100).toFixed(2),
        "",
        "",
        "",
        "",
        "",
        "",
        `基准更新 ${tag}`,
      ]);
    } else if (slot === 11 || slot === 12) {
      // A code given twice in the file: the second one is an error.
      const r = newRow(i);
      ws.addRow(r);
      ws.addRow(r);
      i++;
    } else if (slot === 13) {
      // Errors: an amount in words, an industry that does not exist.
      const r = newRow(i);
      r[6] = "十二万";
      ws.addRow(r);
    } else if (slot === 14) {
      const r = newRow(i);
      r[4] = "没有这个产业";
      ws.addRow(r);
    } else ws.addRow(newRow(i));
  }
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), fresh, updates: e };
}

/** Polls a job as the import page does: the rows after those it has (`rowsAfter`), every 400 ms. */
async function poll(base: string, token: string, id: string): Promise<Job> {
  let after = 0;
  for (;;) {
    const res = await fetch(`${base}/api/v1/imports/${id}?rowsAfter=${after}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`GET /imports/${id}: HTTP ${res.status} ${await res.text()}`);
    const job = (await res.json()) as Job & { rows: { row: number }[] };
    if (job.status !== "RUNNING") return job;
    after = job.rows.at(-1)?.row ?? after;
    await new Promise((r) => setTimeout(r, 400));
  }
}

export async function benchImport({
  base,
  token,
  url,
  projects,
  rows = 10_000,
}: {
  base: string;
  token: string;
  url: string;
  projects: number;
  rows?: number;
}) {
  const sql = new pg.Client(url);
  await sql.connect();
  const tag = crypto.randomBytes(3).toString("hex").toUpperCase();
  const begun: Date = (await sql.query(`select now() as t`)).rows[0].t;
  const file = await workbook(sql, rows, tag);
  const before = Number((await sql.query(`select count(*) from projects`)).rows[0].count);
  const audits = Number((await sql.query(`select count(*) from audit_logs`)).rows[0].count);

  const form = new FormData();
  form.set("kind", "PROJECTS");
  form.set("file", new File([file.bytes as BlobPart], `bench-${tag}.xlsx`));
  let t = performance.now();
  const started = await fetch(`${base}/api/v1/imports`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (started.status !== 202) throw new Error(`POST /imports: HTTP ${started.status} ${await started.text()}`);
  const dry = await poll(base, token, ((await started.json()) as Job).id);
  const drySeconds = (performance.now() - t) / 1000;
  if (dry.status !== "DONE") throw new Error(`dry run: ${dry.status} ${dry.error}`);

  t = performance.now();
  const committed = await fetch(`${base}/api/v1/imports/${dry.id}/commit`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ skipErrors: true }),
  });
  if (committed.status !== 202) throw new Error(`commit: HTTP ${committed.status} ${await committed.text()}`);
  const job = await poll(base, token, ((await committed.json()) as Job).id);
  const commitSeconds = (performance.now() - t) / 1000;
  if (job.status !== "DONE") throw new Error(`commit: ${job.status} ${job.error}`);

  const after = Number((await sql.query(`select count(*) from projects`)).rows[0].count);
  const written = Number((await sql.query(`select count(*) from audit_logs`)).rows[0].count) - audits;
  const f = (n: number) => n.toFixed(1);
  console.log(
    `\n| import of ${dry.total} rows (${projects} projects) | s | rows/s | created | updated | unchanged | errors |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  console.log(
    `| dry run (POST /api/v1/imports) | ${f(drySeconds)} | ${(dry.total / drySeconds).toFixed(0)} | ${dry.created} | ${dry.updated} | ${dry.unchanged} | ${dry.failed} |`,
  );
  console.log(
    `| commit (POST /api/v1/imports/{id}/commit) | ${f(commitSeconds)} | ${(job.total / commitSeconds).toFixed(0)} | ${job.created} | ${job.updated} | ${job.unchanged} | ${job.failed} |`,
  );
  console.log(
    `file: ${file.fresh} new rows, ${file.updates} updates; database: ${after - before} projects more, ${written} audit rows written`,
  );
  // The database as it was (the bench reuses it with --keep): the run's projects, their
  // history and audit rows, and the enterprises it created go again.
  await sql.query(`delete from projects where code like $1`, [`BI-${tag}-%`]);
  await sql.query(
    `delete from enterprises e where e."createdAt" >= $1 and not exists (select 1 from projects p where p."enterpriseId" = e.id)`,
    [begun],
  );
  await sql.query(
    `delete from audit_logs where "entityType" = 'Project' and action = 'import:create' and "createdAt" >= $1`,
    [begun],
  );
  await sql.end();
}
