import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { planLocation } from "@/lib/supervision/plan-queries";

type Props = { params: Promise<{ id: string }> };

/** A plan named by its id (the audit log links here): its letter, with the change history. */
export default async function PlanRedirect({ params }: Props) {
  const actor = await requireActor("supervision.read");
  const { id } = await params;
  let href: string;
  try {
    href = await planLocation({ actor, planId: id });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  redirect(href);
}
