import { z } from "zod";
import { labelled } from "../schemas";
import { can, roles, type Role } from "../auth/permissions";

// Messages are catalogue keys (lib/i18n/messages): the same schema serves the form
// (react-hook-form's zodResolver) and the server.
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "validation.usernameLength")
  .max(32, "validation.usernameLength")
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "validation.usernameFormat");

/** At least 8 characters with a letter and a digit (ASVS 6.2.1 asks for 8 at least). */
export const passwordSchema = z
  .string()
  .min(8, "validation.passwordLength")
  .max(128, "validation.passwordLength")
  .regex(/[A-Za-z]/, "validation.passwordLetterDigit")
  .regex(/[0-9]/, "validation.passwordLetterDigit");

const optionalId = z
  .string()
  .trim()
  .max(40)
  .transform((v) => v || null)
  .nullable()
  .optional();

/** A user who decides permits works for a department: without one they could see and do nothing. */
export const needsDepartment = (role: Role) => can(role, "permit.decide");

export const createUserSchema = labelled(
  "user",
  z
    .object({
      username: usernameSchema,
      displayName: z.string().trim().min(1, "validation.required").max(50),
      password: passwordSchema,
      role: z.enum(roles, "validation.role"),
      departmentId: optionalId,
    })
    .superRefine((v, ctx) => {
      if (needsDepartment(v.role) && !v.departmentId)
        ctx.addIssue({ code: "custom", path: ["departmentId"], message: "validation.departmentRequired" });
    }),
);
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = labelled(
  "user",
  z.object({
    displayName: z.string().trim().min(1, "validation.required").max(50).optional(),
    role: z.enum(roles, "validation.role").optional(),
    departmentId: optionalId,
    active: z.boolean().optional(),
    version: z.coerce.number().int().min(1),
  }),
);
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const resetPasswordSchema = labelled("user", z.object({ password: passwordSchema }));

export const listUsersSchema = labelled(
  "user",
  z.object({
    q: z.string().trim().max(50).optional(),
    role: z.enum(roles).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  }),
);
