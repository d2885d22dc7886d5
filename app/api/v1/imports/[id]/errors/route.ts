import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { importErrorsWorkbook } from "@/lib/imports/errors-workbook";

/** The rows of a finished dry run that have errors, as an .xlsx with an added 错误 column (to correct and upload again). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, locale }) => {
  const { bytes, fileName } = await importErrorsWorkbook({ actor, id: params.id, locale });
  return downloadResponse(bytes, { fileName, asciiName: `import-errors-${params.id}.xlsx` });
});
