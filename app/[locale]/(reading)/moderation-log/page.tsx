import { headers } from "next/headers";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { LogEntry } from "@/components/moderation/log-entry";
import { LogFiguresTables } from "@/components/moderation/log-figures-tables";
import { LogFilterForm, readLogFilters } from "@/components/moderation/log-filter-form";
import { logEntryHref } from "@/components/moderation/log-links";
import styles from "@/components/moderation/moderation.module.css";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { LOG_LIST_PAGE_SIZE } from "@/server/moderation/list-log-entries";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "moderation.log" });
  return { title: t("title") };
}

export default async function ModerationLogPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const raw = query.before;
  const before = typeof raw === "string" && /^\d{1,15}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
  const filters = readLogFilters(query);
  const caller = await getCaller();
  const [page, figures, checkpoint, bodies] = await Promise.all([
    caller.moderation.log({ before, ...filters }),
    caller.moderation.figures(),
    caller.moderation.checkpoint(),
    caller.directory.list({ locale: locale as "kk" }),
  ]);
  // The filters go with every link between pages of the log, and through a change of language.
  const filterQuery = Object.fromEntries(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const filtered = Object.keys(filterQuery).length > 0;
  const t = await getTranslations("moderation.log");
  const ta = await getTranslations("moderation.action");
  const ts = await getTranslations("moderation.source");
  const format = await getFormatter();
  const when = (d: Date | string) =>
    format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short" });
  // The command to verify names this very site, as the reader reached it.
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? "localhost:3000";
  const proto = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  const origin = `${proto}://${host}`;

  const shown = page.entries.map((e) => e.seq);
  const newest = shown[0];
  const oldest = shown.at(-1);
  // An entry on this page is reached by its anchor; any other on the page that starts with it.
  const entryHref = (seq: number) =>
    newest !== undefined && oldest !== undefined && seq <= newest && seq >= oldest
      ? `#entry-${seq}`
      : logEntryHref(seq);
  const newer = page.newerBefore;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <section className={`${styles.section} ${styles.stateRequests}`} aria-labelledby="state-heading">
        <h2 id="state-heading">{t("stateTitle", { count: figures.requestedByState.length })}</h2>
        <p>{t("stateLead")}</p>
        {figures.requestedByState.length === 0 ? (
          <p>{t("stateNone")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className={styles.caption}>{t("stateCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("entry")}</th>
                  <th scope="col">{t("appeal")}</th>
                  <th scope="col">{t("action")}</th>
                  <th scope="col">{t("askedBy")}</th>
                  <th scope="col">{t("addressedTo")}</th>
                  <th scope="col">{t("time")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.requestedByState.map((r) => (
                  <tr key={r.seq}>
                    <td data-label={t("entry")}>
                      <Link href={entryHref(r.seq)}>#{r.seq}</Link>
                    </td>
                    <td data-label={t("appeal")}>{r.appealNumber}</td>
                    <td data-label={t("action")}>{ta(r.action)}</td>
                    <td data-label={t("askedBy")}>
                      {ts(r.sourceType)}: {r.sourceIdentity ?? "—"}
                    </td>
                    <td data-label={t("addressedTo")}>{bodyName(r.body, locale)}</td>
                    <td data-label={t("time")}>
                      <time dateTime={new Date(r.at).toISOString()}>{when(r.at)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <LogFiguresTables figures={figures} />

      <section className={styles.section} aria-labelledby="checkpoint-heading">
        <h2 id="checkpoint-heading">{t("checkpointTitle")}</h2>
        {checkpoint ? (
          <dl className={`facts ${styles.facts}`}>
            <dt>{t("treeSize")}</dt>
            <dd>{checkpoint.treeSize}</dd>
            <dt>{t("rootHash")}</dt>
            <dd className={styles.hash}>{checkpoint.rootHash}</dd>
            <dt>{t("signedAt")}</dt>
            <dd>
              <time dateTime={checkpoint.signedAt}>{when(checkpoint.signedAt)}</time>
            </dd>
            <dt>{t("keyId")}</dt>
            <dd className={styles.hash}>{checkpoint.keyId}</dd>
          </dl>
        ) : (
          <p>{t("noCheckpoint")}</p>
        )}
        <ul>
          <li>
            <a href="/api/moderation-log/checkpoint">{t("checkpointLink")}</a>
          </li>
          <li>
            <a href="/api/moderation-log/checkpoints">{t("checkpointsLink")}</a>
          </li>
          <li>
            <a href="/api/moderation-log">{t("entriesLink")}</a>
          </li>
        </ul>
        <h3>{t("verifyTitle")}</h3>
        <p>
          {t("verifyText")} <code className={styles.hash}>npm run verify-log -- {origin}</code>
        </p>
        <p className="hint">{t("verifySaved")}</p>
      </section>

      <section className={styles.section} aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("entriesTitle", { count: page.total })}</h2>
        <LogFilterForm locale={locale} values={filters} bodies={bodies} />
        {page.entries.length === 0 ? (
          <p role={filtered ? "status" : undefined}>{filtered ? t("filter.none") : t("empty")}</p>
        ) : (
          <>
            {/* Filtered, the entries' numbers have gaps: "#8 to #8 of 1" would mislead. */}
            {!filtered && (
              <p className="hint">
                {t("showing", { newest: newest ?? 0, oldest: oldest ?? 0, total: page.total })}
              </p>
            )}
            <ol className={styles.entries} aria-labelledby="entries-heading">
              {page.entries.map((e) => (
                <LogEntry key={e.seq} entry={e} entryHref={entryHref} />
              ))}
            </ol>
          </>
        )}
        <nav className="pager" aria-label={t("pages")}>
          {newer !== null && (
            <Link href={{ pathname: "/moderation-log", query: { ...filterQuery, before: String(newer) } }}>
              {t("newer")}
            </Link>
          )}
          {before !== null && (
            <Link href={{ pathname: "/moderation-log", query: filterQuery }}>{t("newest")}</Link>
          )}
          {page.entries.length === LOG_LIST_PAGE_SIZE && oldest !== undefined && oldest > 1 && (
            <Link href={{ pathname: "/moderation-log", query: { ...filterQuery, before: String(oldest) } }}>
              {t("older")}
            </Link>
          )}
        </nav>
      </section>
    </>
  );
}
