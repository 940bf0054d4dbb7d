"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { takeAccessCode } from "./access-code-store";

// Groups of five read aloud and copy by hand more easily: ABCDE-FGHJK.
const grouped = (code: string) => code.match(/.{1,5}/g)?.join("-") ?? code;

/** The access code, shown once: read from the tab's storage and removed from it at once. */
export function ReceiptAccessCode({ appealId }: { appealId: string }) {
  const t = useTranslations("operator.receipt");
  const [code, setCode] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const taken = takeAccessCode(appealId);
    // Keep a code already taken: a second run of this effect (React's development checks) finds none.
    if (taken) setCode(taken);
    setLoaded(true);
  }, [appealId]);

  if (!loaded) return null;
  if (!code) return <p className="alert alert-error">{t("codeGone")}</p>;
  return (
    <section className="card" aria-labelledby="access-code-heading">
      <h2 id="access-code-heading">{t("code")}</h2>
      <p className="access-code">{grouped(code)}</p>
      <p>{t("codeNote")}</p>
    </section>
  );
}
