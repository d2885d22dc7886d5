// Every audit row the code writes reads in words: each entity type and action a writer
// uses has its catalogue entry (lib/audit/catalogue.ts) and its words in both languages.
import fs from "node:fs";
import path from "node:path";
import en from "../../lib/i18n/messages/en.json";
import zh from "../../lib/i18n/messages/zh-CN.json";
import { actionEntryOf, auditEntities, auditFilterChoices, refKinds } from "../../lib/audit/catalogue";
import { describeAuditEntry, refKey } from "../../lib/audit/describe";
import { hasMessage } from "../../lib/i18n/translate";

const root = path.join(__dirname, "..", "..");
const sources = (dir: string): string[] =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
    );

/** The entity types and action codes (or their static starts) of every writeAudit call and insertProject action. */
function writtenActions() {
  const found: { file: string; entityTypes: string[]; action: string; prefix: boolean }[] = [];
  for (const file of sources("lib")) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    for (const m of text.matchAll(/writeAudit\(tx, \{([\s\S]*?)\}\);/g)) {
      const body = m[1];
      const entity = /entityType: ([^\n,]+(?:\?[^\n,]+)?)/.exec(body)?.[1] ?? "";
      const entityTypes = [...entity.matchAll(/"(\w+)"/g)].map((x) => x[1]);
      const action = /action: ([^,\n]+)/.exec(body)?.[1] ?? "";
      const template = /^`([^$`]*)\$\{/.exec(action);
      if (template) found.push({ file, entityTypes, action: template[1], prefix: true });
      else
        for (const lit of action.matchAll(/"([^"]+)"/g))
          found.push({ file, entityTypes, action: lit[1], prefix: false });
    }
    for (const m of text.matchAll(/insertProject\([^;]*?action: "([^"]+)"/g))
      found.push({ file, entityTypes: ["Project"], action: m[1], prefix: false });
  }
  return found;
}

describe("the audit catalogue", () => {
  it("has an entry for every entity type and action a writer uses", () => {
    const written = writtenActions();
    expect(written.length).toBeGreaterThan(35);
    for (const w of written) {
      expect([w.file, w.entityTypes.length]).not.toEqual([w.file, 0]);
      for (const type of w.entityTypes) {
        const entity = auditEntities[type];
        expect([w.file, type, entity ? "catalogued" : "missing"]).toEqual([w.file, type, "catalogued"]);
        const known = w.prefix
          ? Object.keys(entity.actions).some((a) => a.startsWith(w.action)) ||
            (entity.patterns ?? []).some((p) => p.prefix === w.action)
          : actionEntryOf(entity, w.action) !== null;
        expect([w.file, type, w.action, known]).toEqual([w.file, type, w.action, true]);
      }
    }
  });

  it("has words for every entity, action, field, unit and code section in both languages", () => {
    const keys = new Set<string>();
    for (const [type, e] of Object.entries(auditEntities)) {
      keys.add(`history.entities.${type}`);
      const fieldMaps = [e.fields, ...Object.values(e.actions).map((a) => a.fields ?? {})];
      for (const a of [...Object.values(e.actions), ...(e.patterns ?? []).map((p) => p.entry)])
        keys.add(`history.actions.${a.label}`);
      for (const p of e.patterns ?? []) keys.add(`history.actions.${p.filterLabel}`);
      for (const fields of [...fieldMaps, ...(e.patterns ?? []).map((p) => p.entry.fields ?? {})])
        for (const [name, f] of Object.entries(fields)) {
          keys.add(`history.fields.${f.label ?? name}`);
          if (f.type === "amount") keys.add(f.unit);
          if (f.type === "number" && f.unit) keys.add(f.unit);
        }
    }
    for (const c of auditFilterChoices().actions) keys.add(c.label);
    for (const key of keys) {
      expect([key, hasMessage("zh-CN", key)]).toEqual([key, true]);
      expect([key, hasMessage("en", key)]).toEqual([key, true]);
    }
    expect(Object.keys(zh.history.entities)).toEqual(Object.keys(en.history.entities));
  });

  it("never shows a code, an id or JSON for a row it does not know", () => {
    const names = new Map([[refKey("user", "u1"), "张伟"]]);
    const row = {
      id: "1",
      createdAt: "2026-01-01T00:00:00.000Z",
      actorId: "u1",
      entityType: "Mystery",
      entityId: "ckmystery0001",
      action: "frobnicate:x",
      before: { a: 1 },
      after: { a: { b: 2 } },
    };
    const d = describeAuditEntry(row, { locale: "zh-CN", names });
    expect([d.entity.label, d.entity.name, d.summary, d.changes]).toEqual(["其他记录", null, "其他变更", []]);
    const known = describeAuditEntry(
      { ...row, entityType: "Project", action: "update", before: { stage: "LEAD" }, after: { stage: "BOGUS" } },
      { locale: "zh-CN", names },
    );
    expect(known.changes).toEqual([{ field: "阶段", before: "线索", after: "（其他）" }]);
    expect(refKinds.length).toBeGreaterThan(5);
  });
});
