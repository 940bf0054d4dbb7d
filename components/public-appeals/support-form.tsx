"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";

export type SupportState = { count: number; supported: boolean; error: string | null };

type Props = {
  number: string;
  initial: SupportState;
  /** Whether this viewer may press the button now: a signed-in citizen who is not the author. */
  canSupport: boolean;
  action: (previous: SupportState, form: FormData) => Promise<SupportState>;
};

/** "Me too": a server action behind a plain form, so it works before the page's scripts load. */
export function SupportForm({ number, initial, canSupport, action }: Props) {
  const t = useTranslations("publicAppeals.appeal");
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <>
      <p role="status">{t("supportCount", { count: state.count })}</p>
      <FormAlert message={state.error} />
      {state.supported ? (
        <p className="alert alert-ok">{t("supported")}</p>
      ) : (
        canSupport && (
          <form action={formAction}>
            <input type="hidden" name="number" value={number} />
            <button type="submit" disabled={pending}>
              {pending ? t("working") : t("support")}
            </button>
          </form>
        )
      )}
    </>
  );
}
