// No "server-only" marker: the stage writer (also run by the demo seed) calls it.
import type { Tx } from "../db";
import { AppError } from "../errors";

/**
 * The source channel a move may set (SPEC §7: 签约周 is offered at signing): only when moving
 * to SIGNED, and 签约周 only for a signing date within a signing week's dates (400 otherwise).
 */
export async function checkSigningChannel(
  tx: Tx,
  data: { to: string; sourceChannel?: string },
  signingDate: Date | null,
) {
  if (data.to !== "SIGNED")
    throw new AppError("VALIDATION", {
      fields: { sourceChannel: "validation.channelOnlyAtSigning" },
      labels: "project",
    });
  if (data.sourceChannel !== "SIGNING_WEEK") return;
  const event = signingDate
    ? await tx.signingWeek.findFirst({
        where: { startDate: { lte: signingDate }, endDate: { gte: signingDate } },
        select: { id: true },
      })
    : null;
  if (!event)
    throw new AppError("VALIDATION", { fields: { sourceChannel: "validation.noSigningWeek" }, labels: "project" });
}
