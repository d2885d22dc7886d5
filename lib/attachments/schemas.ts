import { z } from "zod";
import { labelled } from "../schemas";

export const attachmentCategorySchema = labelled(
  "attachment",
  z.object({
    category: z.enum(["AGREEMENT", "DOCUMENT", "OTHER"], "validation.choice").default("DOCUMENT"),
  }),
);
