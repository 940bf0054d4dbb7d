import { z } from "zod";
import { routing } from "@/i18n/routing";

// Kazakhstan numbers: +7 or 8, then ten digits; stored as +7XXXXXXXXXX whatever the spacing typed.
export const Phone = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s()-]/g, ""))
  .pipe(z.string().regex(/^(\+7|8)\d{10}$/))
  .transform((s) => `+7${s.slice(-10)}`);

/** A code by SMS to this phone, written in the language its owner reads. */
export const PhoneCodeRequest = z.strictObject({ phone: Phone, locale: z.enum(routing.locales) });

export const PhoneCodeConfirmation = z.strictObject({
  verificationId: z.uuid(),
  phone: Phone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
