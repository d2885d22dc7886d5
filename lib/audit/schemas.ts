import { z } from "zod";
import { blankToUndefined as blank, labelled } from "../schemas";

export const auditQuerySchema = labelled(
  "audit",
  z.object({
    entityType: z.preprocess(blank, z.string().max(40).optional()),
    entityId: z.preprocess(blank, z.string().max(60).optional()),
    actor: z.preprocess(blank, z.string().max(60).optional()),
    action: z.preprocess(blank, z.string().max(60).optional()),
    page: z.preprocess(blank, z.coerce.number().int().min(1).default(1)),
    pageSize: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
  }),
);
