import { z } from "zod";
import { APPEAL_KIND_VALUES, appealCategory } from "@/db/schema";
import { routing } from "@/i18n/routing";
import { TEXT_LIMITS } from "../appeals/text-limits";
import { formInput, Uploads } from "../appeals/upload-input";
import { REGION_CODES } from "../directory/regions";
import { fileAssistedAppeal } from "../operator/file-assisted-appeal";
import { getAssistedReceipt } from "../operator/get-assisted-receipt";
import { listFiledAppeals } from "../operator/list-filed-appeals";
import { reissueAccessCode } from "../operator/reissue-access-code";
import { sendPhoneCode } from "../sms/phone-verification";
import { operatorProcedure, router } from "../trpc";
import { Phone, PhoneCodeRequest } from "./phone-input";

// Scanned paper travels with the form, so it arrives as multipart.
export const AssistedFilingInput = formInput(
  z
    .strictObject({
      applicantName: z.string().trim().min(2).max(200),
      phone: Phone.optional(),
      // The code sent by SMS to that phone (sms.sendPhoneCode) and read out by the citizen.
      phoneVerificationId: z.uuid().optional(),
      phoneCode: z
        .string()
        .trim()
        .regex(/^\d{6}$/)
        .optional(),
      address: z.string().trim().min(5).max(500).optional(),
      email: z.email().max(254).optional(),
      locale: z.enum(routing.locales),
      kind: z.enum(APPEAL_KIND_VALUES),
      category: z.enum(appealCategory.enumValues),
      region: z.enum(REGION_CODES).optional(),
      bodyId: z.uuid(),
      subject: z.string().trim().min(TEXT_LIMITS.subject.min).max(TEXT_LIMITS.subject.max),
      text: z.string().trim().min(TEXT_LIMITS.text.min).max(TEXT_LIMITS.text.max),
      publishConsent: z.stringbool().default(false),
      // Filing on someone's behalf and keeping their contacts needs their consent (Law of the RK "On
      // personal data and their protection", Art. 7); without it the operator may not file.
      consent: z
        .stringbool()
        .default(false)
        .refine((given) => given, { params: { key: "consentRequired" } }),
      idempotencyKey: z.uuid(),
      attachments: Uploads.default([]),
    })
    // A code checks the phone only together with the SMS it came in, and an SMS sent asks for its code.
    .refine((o) => !o.phoneCode || o.phoneVerificationId, {
      path: ["phoneCode"],
      params: { key: "phoneCodeFirst" },
      when: (payload) => typeof payload.value === "object" && payload.value !== null,
    })
    .refine((o) => !o.phoneVerificationId || o.phoneCode, {
      path: ["phoneCode"],
      params: { key: "phoneCodeRequired" },
      when: (payload) => typeof payload.value === "object" && payload.value !== null,
    })
    // The body must be able to send its answer: a phone or a postal address, at least one.
    .refine((o) => Boolean(o.phone || o.address), {
      path: ["contact"],
      params: { key: "contactRequired" },
      // Reported together with the other fields' errors, not only once they are fixed.
      when: (payload) => typeof payload.value === "object" && payload.value !== null,
    }),
);

export const operatorRouter = router({
  file: operatorProcedure.input(AssistedFilingInput).mutation(({ ctx, input }) => {
    const {
      applicantName,
      phone,
      address,
      email,
      consent: _,
      region,
      phoneVerificationId,
      phoneCode,
      ...appeal
    } = input;
    return fileAssistedAppeal(ctx.db, {
      ...appeal,
      region: region ?? null,
      operator: ctx.user,
      applicant: {
        name: applicantName,
        phone: phone ?? null,
        address: address ?? null,
        email: email ?? null,
      },
      phoneVerification:
        phoneVerificationId && phoneCode ? { id: phoneVerificationId, code: phoneCode } : null,
    });
  }),
  // The citizen at the desk receives the code on their phone and reads it out; it goes in the filing.
  sendPhoneCode: operatorProcedure
    .input(PhoneCodeRequest)
    .mutation(({ ctx, input }) => sendPhoneCode(ctx.db, { ...input, requestedById: ctx.user.id })),
  listFiled: operatorProcedure.query(({ ctx }) => listFiledAppeals(ctx.db, { operator: ctx.user })),
  receipt: operatorProcedure
    .input(z.strictObject({ id: z.uuid() }))
    .query(({ ctx, input }) => getAssistedReceipt(ctx.db, { operator: ctx.user, appealId: input.id })),
  reissueCode: operatorProcedure
    .input(z.strictObject({ id: z.uuid() }))
    .mutation(({ ctx, input }) => reissueAccessCode(ctx.db, { operator: ctx.user, appealId: input.id })),
});
