import { z } from "zod";
import { labelled } from "../schemas";

export const createTokenSchema = labelled(
  "token",
  z.object({
    name: z.string().trim().min(1, "validation.required").max(50),
    /** Days until the token stops working: 90 unless given, a year at most. */
    expiresInDays: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number().int().min(1).max(365).default(90),
    ),
  }),
);

export const credentialsSchema = labelled(
  "user",
  z.object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(200),
  }),
);

/** The login page's URL: where to go after signing in, and whether the last session expired. */
export const loginPageSchema = labelled(
  "user",
  z.object({ callbackUrl: z.string().max(500).optional(), expired: z.string().max(1).optional() }),
);
