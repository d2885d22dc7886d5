import { apiRoute } from "@/lib/api/handler";
import { importTemplate } from "@/lib/imports/template";
import { translate } from "@/lib/i18n/translate";

/** The .xlsx template of an import: ?kind=PROJECTS or ENTERPRISES. */
export const GET = apiRoute(async ({ actor, url, locale }) => {
  const kind = url.searchParams.get("kind") ?? undefined;
  const body = await importTemplate({ actor, input: { kind }, locale });
  const name = `${translate(locale, "imports.templateFile")}-${kind === "ENTERPRISES" ? "enterprises" : "projects"}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
});
