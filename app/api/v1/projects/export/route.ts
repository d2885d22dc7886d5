import { apiRoute } from "@/lib/api/handler";
import { exportProjects } from "@/lib/projects/export";

export const GET = apiRoute(async ({ actor, url, locale }) => {
  const body = await exportProjects({ actor, query: Object.fromEntries(url.searchParams), locale });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="projects-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`招商项目-${stamp}.xlsx`)}`,
    },
  });
});
