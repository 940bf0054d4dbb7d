"use server";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import type { TrackState } from "@/components/track/track-form";
import { TrackedAppeal } from "@/components/track/tracked-appeal";
import { getCaller } from "@/server/caller";
import { fieldErrorsOf } from "@/server/validation";

/**
 * Looks an appeal up by its number and access code. A server action: the code travels in a POST body and
 * never in a URL (URLs end up in logs), and the page works even before its scripts load.
 */
export async function findTrackedAppeal(_previous: TrackState, form: FormData): Promise<TrackState> {
  const number = String(form.get("number") ?? "");
  const code = String(form.get("code") ?? "");
  const empty = { number, error: null, fields: {}, result: null };
  try {
    const appeal = await (await getCaller()).track.appeal({ number, code });
    return { ...empty, result: <TrackedAppeal appeal={appeal} /> };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "NOT_FOUND") return { ...empty, error: (await getTranslations("track"))("notFound") };
    if (error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
      const tv = await getTranslations("validation");
      const fields = Object.fromEntries(
        Object.entries(fieldErrorsOf(error.cause)).map(([name, e]) => [name, tv(e.key, e.values)]),
      );
      return { ...empty, error: tv("summary"), fields };
    }
    throw error;
  }
}
