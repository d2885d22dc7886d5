import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { importTemplate } from "@/lib/imports/template";
import { translate } from "@/lib/i18n/translate";

/** The .xlsx template of an import: ?kind=PROJECTS or ENTERPRISES. */
export const GET = apiRoute(async ({ actor, url, locale }) => {
  const kind = url.searchParams.get("kind") ?? undefined;
  const body = await importTemplate({ actor, input: { kind }, locale });
  const suffix = kind === "ENTERPRISES" ? "enterprises" : "projects";
  const fileName = `${translate(locale, "imports.templateFile")}-${suffix}.xlsx`;
  return downloadResponse(body, { fileName, asciiName: `import-template-${suffix}.xlsx` });
});
