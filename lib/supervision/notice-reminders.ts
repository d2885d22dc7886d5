import "server-only";

/**
 * Notice reminders (a pg-boss job, idempotent): at the set share of a notice's time, on its
 * deadline, and overdue on the next working day (催办, copied to the manager). PLACEHOLDER
 * with its final signature: the supervision-notice branch implements it.
 */
export async function sendNoticeReminders(opts: { today?: string } = {}): Promise<{ sent: number }> {
  void opts;
  return { sent: 0 };
}
