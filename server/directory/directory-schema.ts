import { z } from "zod";
import { bodyLevel } from "@/db/schema";

/** What the public directory procedures may return, field by field (strict: a new field fails the call). */

export const DirectoryListOutput = z.array(
  z.strictObject({
    id: z.string(),
    level: z.enum(bodyLevel.enumValues),
    region: z.string().nullable(),
    name: z.string(),
  }),
);

export const SuggestOutput = z.array(
  z.strictObject({
    id: z.string(),
    code: z.string(),
    nameKk: z.string(),
    nameRu: z.string(),
    nameEn: z.string(),
    level: z.enum(bodyLevel.enumValues),
    region: z.string().nullable(),
  }),
);
