"use server";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import type { SupportState } from "@/components/public-appeals/support-form";
import { getCaller } from "@/server/caller";

/** A citizen's "me too"; pressing again, or twice at once, still counts them once. */
export async function supportPublicAppeal(previous: SupportState, form: FormData): Promise<SupportState> {
  try {
    const result = await (await getCaller()).publicAppeals.support({
      number: String(form.get("number") ?? ""),
    });
    return { count: result.supportCount, supported: result.supported, error: null };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ...previous, error: (await getTranslations("publicAppeals.appeal"))("supportFailed") };
  }
}
