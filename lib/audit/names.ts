import "server-only";
import { getDb } from "../db";
import type { RefKind } from "./catalogue";
import { refKey, type RefNames } from "./describe";

// The name of each kind of record an audit row may point at (one SELECT each, joined into
// one query). Fixed SQL: only the ids are parameters.
const nameSql: Record<RefKind, string> = {
  user: `select id, "displayName" as name from users where id = any($N::text[])`,
  industry: `select id, name from industries where id = any($N::text[])`,
  park: `select id, name from parks where id = any($N::text[])`,
  department: `select id, name from departments where id = any($N::text[])`,
  link: `select l.id, c.name || ' · ' || l.name as name from chain_links l join chains c on c.id = l."chainId" where l.id = any($N::text[])`,
  enterprise: `select id, name from enterprises where id = any($N::text[])`,
  project: `select id, name from projects where id = any($N::text[])`,
  permitCase: `select pc.id, p.name from permit_cases pc join projects p on p.id = pc."projectId" where pc.id = any($N::text[])`,
  permitType: `select id, name from permit_types where id = any($N::text[])`,
  permitItem: `select i.id, t.name from permit_items i join permit_types t on t.id = i."permitTypeId" where i.id = any($N::text[])`,
  chain: `select id, name from chains where id = any($N::text[])`,
  apiToken: `select id, name from api_tokens where id = any($N::text[])`,
  plan: `select pl.id, p.name || ' · ' || pl.year as name from project_plans pl join projects p on p.id = pl."projectId" where pl.id = any($N::text[])`,
  notice: `select id, '督办〔' || year || '〕' || seq || '号' as name from supervision_notices where id = any($N::text[])`,
};

/**
 * The names of the records given (users, industries, parks, departments, links, projects…),
 * in one query however many rows and kinds: no query per row.
 */
export async function resolveNames(refs: { kind: RefKind; id: string }[]): Promise<RefNames> {
  const byKind = new Map<RefKind, Set<string>>();
  for (const r of refs) {
    const ids = byKind.get(r.kind) ?? new Set<string>();
    ids.add(r.id);
    byKind.set(r.kind, ids);
  }
  const names: RefNames = new Map();
  if (byKind.size === 0) return names;
  const kinds = [...byKind.keys()];
  const sql = kinds
    .map((kind, i) => `select '${kind}' as kind, x.id, x.name from (${nameSql[kind].replace("$N", `$${i + 1}`)}) x`)
    .join(" union all ");
  const rows = await getDb().$queryRawUnsafe<{ kind: RefKind; id: string; name: string }[]>(
    sql,
    ...kinds.map((k) => [...byKind.get(k)!]),
  );
  for (const r of rows) names.set(refKey(r.kind, r.id), r.name);
  return names;
}
