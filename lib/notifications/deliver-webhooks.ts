import "server-only";

/**
 * Sends the pending group-robot messages that are due (a pg-boss job; each delivery retried
 * with back-off, never blocking the change that wrote it). PLACEHOLDER with its final
 * signature: the notifications branch implements it.
 */
export async function deliverPendingWebhooks(): Promise<{ sent: number; failed: number }> {
  return { sent: 0, failed: 0 };
}
