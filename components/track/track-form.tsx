"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useActionState, useEffect } from "react";
import { FormAlert } from "@/components/form-alert";
import { TextField } from "@/components/text-field";

export type TrackState = {
  /** Kept so a mistyped code can be corrected without typing the number again; the code is not kept. */
  number: string;
  error: string | null;
  fields: Record<string, string>;
  result: ReactNode;
};

type Props = { action: (previous: TrackState, form: FormData) => Promise<TrackState> };

const INITIAL: TrackState = { number: "", error: null, fields: {}, result: null };

export function TrackForm({ action }: Props) {
  const t = useTranslations("track");
  const [state, formAction, pending] = useActionState(action, INITIAL);

  // A found appeal replaces nothing on screen above the fold: take the reader to it.
  useEffect(() => {
    if (state.result) document.getElementById("tracked-heading")?.focus();
  }, [state.result]);

  return (
    <>
      <form action={formAction} noValidate className="form">
        <FormAlert message={state.error} />
        <TextField
          name="number"
          label={t("number")}
          hint={t("numberHint")}
          defaultValue={state.number}
          autoComplete="off"
          required
          error={state.fields.number}
        />
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          error={state.fields.code}
        />
        <button type="submit" disabled={pending}>
          {pending ? t("working") : t("submit")}
        </button>
      </form>
      {state.result}
    </>
  );
}
