import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ZodError } from "zod";
import { FormAlert } from "@/components/form-alert";
import { Link } from "@/components/locale-link";
import { FilterForm, type FilterValues } from "@/components/public-appeals/filter-form";
import { PublicText } from "@/components/public-appeals/public-text";
import { PublicStatusBadge } from "@/components/public-appeals/status-badge";
import { ReplicaLagNote } from "@/components/replica-lag";
import type { Locale } from "@/i18n/routing";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { fieldErrorsOf } from "@/server/validation";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FILTERS = [
  "q",
  "body",
  "region",
  "category",
  "kind",
  "status",
  "overdue",
  "from",
  "to",
  "sort",
] as const;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "publicAppeals.list" });
  const tn = await getTranslations({ locale, namespace: "nav" });
  return { title: `${t("title")} — ${tn("brand")}` };
}

/** The query's names that differ from the procedure's input: the address stays short and readable. */
const FIELD_OF_INPUT: Record<string, string> = { search: "q", bodyId: "body" };
/** The filter form's label of each field, in publicAppeals.list, where it is not the field's own name. */
const LABEL_OF_FIELD: Record<string, string> = { q: "search" };

export default async function PublicAppealsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const values: FilterValues = Object.fromEntries(
    FILTERS.map((k) => [k, one(query[k])]).filter(([, v]) => v !== undefined),
  );
  const page = one(query.page);
  const caller = await getCaller();
  const t = await getTranslations("publicAppeals.list");
  const tk = await getTranslations("appeal.kind");
  const tv = await getTranslations("validation");
  const tu = await getTranslations("ui");
  const format = await getFormatter();

  // The address is the reader's to edit: a value the form never offers is shown as a problem, not a crash.
  let errors: Record<string, string> = {};
  const result = await caller.publicAppeals
    .list({
      search: values.q,
      bodyId: values.body,
      region: values.region,
      category: values.category,
      kind: values.kind,
      status: values.status,
      overdue: values.overdue === "1" ? true : undefined,
      from: values.from,
      to: values.to,
      sort: values.sort,
      page: page === undefined ? undefined : Number(page),
    } as Parameters<typeof caller.publicAppeals.list>[0])
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
        // Keyed by the form's field names, so that the summary's links reach their fields.
        errors = Object.fromEntries(
          Object.entries(fieldErrorsOf(error.cause)).map(([field, e]) => [
            FIELD_OF_INPUT[field] ?? field,
            tv(e.key, e.values),
          ]),
        );
        return null;
      }
      throw error;
    });
  // The summary's entries name their field: two dates wrongly written read alike otherwise.
  const summaryOf = (fields: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(fields).map(([name, message]) => {
        const label = LABEL_OF_FIELD[name] ?? name;
        return [name, t.has(label) ? `${t(label)}: ${message}` : message];
      }),
    );
  const lag = await caller.replica.lag();
  const bodies = (await caller.directory.list({ locale: locale as Locale })).map((b) => ({
    id: b.id,
    name: b.name,
  }));
  const pageHref = (n: number) => ({
    pathname: "/public-appeals" as const,
    query: { ...values, ...(n > 1 ? { page: String(n) } : {}) },
  });

  const exportQuery = new URLSearchParams(
    Object.entries(values).filter(
      (e): e is [string, string] => e[0] !== "q" && e[0] !== "sort" && typeof e[1] === "string",
    ),
  ).toString();

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ReplicaLagNote lag={lag} />
      <FormAlert message={result ? null : t("badFilters")} fields={summaryOf(errors)} />
      <FilterForm locale={locale} values={values} errors={errors} bodies={bodies} />
      {result && (
        <h2 id="results-heading">
          {t(result.totalCapped ? "foundMoreThan" : "found", { count: result.total })}
        </h2>
      )}
      {result && result.items.length === 0 && <p>{t("empty")}</p>}
      {result && (
        // The same filters as open data (the export takes no text search, sort or page).
        <p className="hint">
          {tu("exportsFiltered")} <a href={`/api/exports/public-appeals.csv?${exportQuery}`}>{tu("csv")}</a>
          {" · "}
          <a href={`/api/exports/public-appeals.json?${exportQuery}`}>{tu("json")}</a>
        </p>
      )}
      {result && result.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table aria-labelledby="results-heading">
              <thead>
                <tr>
                  <th scope="col">{t("number")}</th>
                  <th scope="col">{t("subject")}</th>
                  <th scope="col">{t("body")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("supports")}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((a) => (
                  <tr key={a.number}>
                    <th scope="row">
                      <Link href={`/public-appeals/${encodeURIComponent(a.number)}`}>{a.number}</Link>
                      <div className="hint">
                        {tk(a.kind)},{" "}
                        <time dateTime={a.filedAt.toISOString()}>
                          {format.dateTime(a.filedAt, { dateStyle: "medium" })}
                        </time>
                      </div>
                    </th>
                    <td data-label={t("subject")}>
                      <PublicText segments={a.subject} inline />
                    </td>
                    <td data-label={t("body")}>{bodyName(a.body, locale)}</td>
                    <td data-label={t("status")}>
                      <PublicStatusBadge status={a.status} overdue={a.overdue} />
                    </td>
                    <td data-label={t("supports")}>{t("supportCount", { count: a.supportCount })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.pageCount > 1 && (
            <nav aria-label={t("pages")} className="pager">
              {result.page > 1 && <Link href={pageHref(result.page - 1)}>{t("previous")}</Link>}
              <span>{t("pageOf", { page: result.page, count: result.pageCount })}</span>
              {result.page < result.pageCount && <Link href={pageHref(result.page + 1)}>{t("next")}</Link>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
