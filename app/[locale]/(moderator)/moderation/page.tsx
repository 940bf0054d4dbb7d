import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import styles from "@/components/moderation/moderation.module.css";
import { redirect } from "@/i18n/navigation";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;

export default async function ModerationQueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "moderator") notFound();
  const query = await searchParams;
  const caller = await getCaller();
  const t = await getTranslations("moderation.queue");
  const ta = await getTranslations("moderation.action");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  // A notice names an appeal by its number: open it, unless it is not open to publication or not theirs to judge.
  const wanted = one(query.number);
  const findError = wanted
    ? await caller.moderation.find({ number: wanted }).then(
        (found) => redirect({ href: `/moderation/${found.appealId}`, locale }),
        (error: unknown) => {
          if (!(error instanceof TRPCError)) throw error;
          return error.message === "CONFLICT_OF_INTEREST"
            ? te("CONFLICT_OF_INTEREST")
            : t("notFound", { number: wanted });
        },
      )
    : null;
  const queue = await caller.moderation.queue();
  const done = one(query.done);
  const entry = one(query.entry);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <div role="status">
        {done && entry && <p className="alert alert-ok">{t("done", { number: done, seq: entry })}</p>}
      </div>

      <form method="get" action={`/${locale}/moderation`} className={`form ${styles.section}`}>
        <div className="field">
          <label htmlFor="find-number">{t("findLabel")}</label>
          <p id="find-number-hint" className="hint">
            {t("findHint")}
          </p>
          <input
            id="find-number"
            name="number"
            defaultValue={wanted}
            aria-describedby={findError ? "find-number-hint find-number-error" : "find-number-hint"}
            aria-invalid={findError ? true : undefined}
          />
          {findError && (
            <p id="find-number-error" className="field-error">
              {findError}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="secondary">
            {t("findSubmit")}
          </button>
        </div>
      </form>

      <section className={styles.section} aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t("pendingTitle", { count: queue.pendingTotal })}</h2>
        <p className="hint">{t("pendingHint")}</p>
        {queue.pending.length === 0 ? (
          <p>{t("pendingEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className={`hint ${styles.caption}`}>{t("pendingCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("number")}</th>
                  <th scope="col">{t("subject")}</th>
                  <th scope="col">{t("body")}</th>
                  <th scope="col">{t("submitted")}</th>
                </tr>
              </thead>
              <tbody>
                {queue.pending.map((p) => (
                  <tr key={p.appealId}>
                    <td data-label={t("number")}>
                      <Link href={`/moderation/${p.appealId}`}>{p.number}</Link>
                    </td>
                    <td data-label={t("subject")}>{p.subject}</td>
                    <td data-label={t("body")}>{bodyName(p.body, locale)}</td>
                    <td data-label={t("submitted")}>
                      <time dateTime={p.submittedAt.toISOString()}>{when(p.submittedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t("answersTitle", { count: queue.answers.length })}</h2>
        <p className="hint">{t("answersHint")}</p>
        {queue.answers.length === 0 ? (
          <p>{t("answersEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className={`hint ${styles.caption}`}>{t("answersCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("number")}</th>
                  <th scope="col">{t("subject")}</th>
                  <th scope="col">{t("body")}</th>
                  <th scope="col">{t("answered")}</th>
                </tr>
              </thead>
              <tbody>
                {queue.answers.map((a) => (
                  <tr key={a.appealId}>
                    <td>
                      <Link href={`/moderation/${a.appealId}`}>{a.number}</Link>
                    </td>
                    <td>{a.subject}</td>
                    <td>{bodyName(a.body, locale)}</td>
                    <td>
                      <time dateTime={a.answeredAt.toISOString()}>{when(a.answeredAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="contests-heading">
        <h2 id="contests-heading">{t("contestsTitle", { count: queue.contests.length })}</h2>
        <p className="hint">{t("contestsHint")}</p>
        {queue.contests.length === 0 ? (
          <p>{t("contestsEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className={`hint ${styles.caption}`}>{t("contestsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("number")}</th>
                  <th scope="col">{t("contested")}</th>
                  <th scope="col">{t("reason")}</th>
                  <th scope="col">{t("contestedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {queue.contests.map((c) => (
                  <tr key={c.appealId}>
                    <td data-label={t("number")}>
                      <Link href={`/moderation/${c.appealId}`}>{c.number}</Link>
                    </td>
                    <td data-label={t("contested")}>
                      {ta(c.contestedAction)} ({t("entry", { seq: c.contestedSeq })})
                    </td>
                    <td data-label={t("reason")} className={styles.text}>
                      {c.reason}
                    </td>
                    <td data-label={t("contestedAt")}>
                      <time dateTime={c.contestedAt.toISOString()}>{when(c.contestedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
