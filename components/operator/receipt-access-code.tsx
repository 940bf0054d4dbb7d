"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { useTRPC } from "@/components/trpc-provider";
import { takeAccessCode } from "./access-code-store";

// Groups of five read aloud and copy by hand more easily: ABCDE-FGHJK.
const grouped = (code: string) => code.match(/.{1,5}/g)?.join("-") ?? code;

type Props = {
  appealId: string;
  /** The printed part, in the citizen's language (it may differ from the operator's screen). */
  printed: { lang: string; heading: string; note: string };
};

/**
 * The access code, shown once: read from the tab's storage and removed from it at once. A receipt opened
 * again (to reprint it) has no code to show; the operator may issue a new one, which replaces the old.
 */
export function ReceiptAccessCode({ appealId, printed }: Props) {
  const t = useTranslations("operator.receipt");
  const trpc = useTRPC();
  const messagesOf = useErrorMessages();
  const reissue = useMutation(trpc.operator.reissueCode.mutationOptions());
  const [code, setCode] = useState<string | null>(null);
  const [reissued, setReissued] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const taken = takeAccessCode(appealId);
    // Keep a code already taken: a second run of this effect (React's development checks) finds none.
    if (taken) setCode(taken);
    setLoaded(true);
  }, [appealId]);

  async function onReissue() {
    try {
      const result = await reissue.mutateAsync({ id: appealId });
      setCode(result.accessCode);
      setReissued(true);
      setErrors(NO_ERRORS);
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  if (!loaded) return null;
  return (
    <>
      <div role="status" className={reissued ? "alert alert-ok no-print" : "no-print"}>
        {reissued ? t("reissued") : null}
      </div>
      {code ? (
        <section className="card" aria-labelledby="access-code-heading" lang={printed.lang}>
          <h2 id="access-code-heading">{printed.heading}</h2>
          <p className="access-code">{grouped(code)}</p>
          <p>{printed.note}</p>
        </section>
      ) : (
        <div className="alert alert-error no-print">
          <p>{t("codeGone")}</p>
          <p>{t("codeGoneReissue")}</p>
        </div>
      )}
      <div className="no-print">
        <FormAlert message={errors.form} />
        <button type="button" className="secondary" onClick={onReissue} disabled={reissue.isPending}>
          {reissue.isPending ? t("reissuing") : t("reissue")}
        </button>
      </div>
    </>
  );
}
