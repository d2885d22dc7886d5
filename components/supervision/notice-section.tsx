import type { Actor } from "@/lib/auth/permissions";

/** PLACEHOLDER: filled in by the supervision branch that owns this section. */
export async function NoticeSection({ actor, projectId }: { actor: Actor; projectId: string }) {
  void actor;
  void projectId;
  return null;
}
