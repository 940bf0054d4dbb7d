"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import type { Locale } from "@/i18n/routing";
import { bodyName } from "@/server/directory/body-name";
import type { AppRouter } from "@/server/routers/_app";
import styles from "./text-suggestions.module.css";

type Input = inferRouterInputs<AppRouter>["directory"]["suggestFromText"];
export type SuggestedBody = inferRouterOutputs<AppRouter>["directory"]["suggestFromText"][number];

/** The server reads nothing shorter (directory.suggestFromText's input). */
const MIN_TEXT = 20;
/** Long enough that a phone on 3G is not asked on every key, short enough to feel like it follows. */
const PAUSE_MS = 600;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

type Props = {
  text: string;
  category: string;
  region: string;
  /** The body the form holds now, so that the list can say which one was taken. */
  chosenId: string | null;
  onPick: (body: SuggestedBody) => void;
};

/**
 * Under the appeal's text, the three bodies the model finds most likely competent for it, as buttons that
 * put the body into the form's body choice; the category and region stay the filer's to choose and refine
 * the guess. The list lives in a polite live region, so a screen reader hears that suggestions came
 * without losing its place in the text.
 */
export function TextSuggestions({ text, category, region, chosenId, onPick }: Props) {
  const t = useTranslations("appeal.suggestFromText");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const settled = useDebounced(text.trim(), PAUSE_MS);
  const enough = settled.length >= MIN_TEXT;
  const suggestions = useQuery(
    trpc.directory.suggestFromText.queryOptions(
      {
        text: settled.slice(0, 5000),
        category: (category || null) as Input["category"],
        region: (region || null) as Input["region"],
      },
      { enabled: enough, placeholderData: keepPreviousData, staleTime: 60_000 },
    ),
  );
  const bodies = enough ? (suggestions.data ?? []) : [];
  const chosen = bodies.find((b) => b.id === chosenId);

  return (
    <section className={styles.box} aria-labelledby="text-suggestions-title">
      {/* Not a heading: it sits inside forms whose heading levels differ. */}
      <p id="text-suggestions-title" className={styles.title}>
        {t("title")}
      </p>
      <div aria-live="polite" aria-atomic="true">
        {bodies.length === 0 ? (
          <p className="hint">
            {enough && suggestions.isFetching ? t("searching") : t("hint", { min: MIN_TEXT })}
          </p>
        ) : (
          <>
            <p className="hint">{t("lead")}</p>
            <ol className={styles.list}>
              {bodies.map((b) => (
                <li key={b.id}>
                  <button
                    type="button"
                    className={styles.pick}
                    aria-pressed={b.id === chosenId}
                    onClick={() => onPick(b)}
                  >
                    {bodyName(b, locale)}
                  </button>
                </li>
              ))}
            </ol>
            {chosen && <p className={styles.chosen}>{t("chosen", { body: bodyName(chosen, locale) })}</p>}
          </>
        )}
      </div>
    </section>
  );
}
