import "server-only";
import { assertCan, type Actor } from "../auth/permissions";
import { getDb } from "../db";
import { getSupervisionSettings } from "./settings";

/** 督办规则 for the admin page and GET /api/v1/settings/supervision: every value and the version. */
export async function readSupervisionSettings({ actor }: { actor: Actor }) {
  assertCan(actor, "supervision.settings");
  return getSupervisionSettings(getDb());
}
