import { apiRoute } from "@/lib/api/handler";
import { getNotice } from "@/lib/supervision/notice-queries";

export const GET = apiRoute<{ id: string }>(
  async ({ actor, params }) => (await getNotice({ actor, id: params.id })).view,
);
