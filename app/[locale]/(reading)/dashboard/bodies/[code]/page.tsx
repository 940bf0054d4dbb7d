import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { AnswerFiguresSection } from "@/components/dashboard/answer-figures";
import { CategoryTable } from "@/components/dashboard/category-table";
import { ClockFiguresSection } from "@/components/dashboard/clock-figures";
import styles from "@/components/dashboard/dashboard.module.css";
import { periodOf, type SearchParams } from "@/components/dashboard/dashboard-view";
import { KeyFigures, MetricsTable } from "@/components/dashboard/metrics-table";
import { PeriodForm } from "@/components/dashboard/period-form";
import { TrendCharts } from "@/components/dashboard/trend-charts";
import { Link } from "@/components/locale-link";
import { ReplicaLagNote } from "@/components/replica-lag";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { REGIONS, type RegionCode } from "@/server/directory/regions";
import { orNotFound } from "@/server/or-not-found";

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: Promise<SearchParams> };

// One read per request, shared by the metadata and the page (the body's dashboard is four queries).
const load = cache(async (code: string, from: string, to: string) =>
  (await getCaller()).metrics.body({ code, period: { from, to } }),
);
const loadClock = async (code: string, from: string, to: string) =>
  (await getCaller()).metrics.clock({ code, period: { from, to } });

export async function generateMetadata({ params, searchParams }: Props) {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const { period } = periodOf(await searchParams, new Date());
  const data = await load(code, period.from, period.to).catch(() => null);
  return { title: data ? t("body.title", { name: bodyName(data.body, locale) }) : t("title") };
}

export default async function BodyDashboardPage({ params, searchParams }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const { period } = periodOf(await searchParams, new Date());
  const [data, clock, user, lag] = await Promise.all([
    orNotFound(load(code, period.from, period.to)),
    orNotFound(loadClock(code, period.from, period.to)),
    getCurrentUser(),
    (await getCaller()).replica.lag(),
  ]);
  const t = await getTranslations("dashboard");
  const tu = await getTranslations("ui");
  const lang = (await getLocale()) as Locale;
  const name = bodyName(data.body, lang);
  const region = data.body.region as RegionCode | null;

  return (
    <>
      <p>
        <Link href={{ pathname: "/dashboard", query: { ...period } }}>{t("back")}</Link>
      </p>
      <h1>{t("body.title", { name })}</h1>
      <p className="lead">
        {region && REGIONS[region] ? (
          <Link href={{ pathname: `/dashboard/regions/${region}`, query: { ...period } }}>
            {REGIONS[region].name[lang]}
          </Link>
        ) : (
          t("body.central")
        )}
      </p>
      <PeriodForm action={`/${locale}/dashboard/bodies/${code}`} period={period} />
      <p className="hint">{t("period.current", { from: period.from, to: period.to })}</p>
      <ReplicaLagNote lag={lag} />
      <section className={styles.section} aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("all.title")}</h2>
        <KeyFigures metrics={data.metrics} />
        <MetricsTable
          metrics={data.metrics}
          caption={t("all.caption", { scope: name })}
          drill={user?.role === "auditor" ? { ...period, body: code } : null}
        />
      </section>
      <ClockFiguresSection
        data={clock}
        months={data.trend}
        scope={name}
        drill={user?.role === "auditor" ? { ...period, body: code } : null}
      />
      <AnswerFiguresSection
        figures={data.answers}
        scope={name}
        drill={user?.role === "auditor" ? { ...period, body: code } : null}
      />
      <section className={styles.section} aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t("trend.title")}</h2>
        <TrendCharts points={data.trend} id="body" />
      </section>
      <section className={styles.section} aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t("categories.title")}</h2>
        <CategoryTable rows={data.categories} />
      </section>
      <section className={styles.section} aria-labelledby="data-heading">
        <h2 id="data-heading">{tu("exportsTitle")}</h2>
        <p>
          <Link href={{ pathname: "/public-appeals", query: { body: data.body.id } }}>
            {tu("publicAppealsOfBody")}
          </Link>
        </p>
        <p>
          {tu("exportsBody")} <a href={`/api/exports/public-appeals.csv?body=${data.body.id}`}>{tu("csv")}</a>
          {" · "}
          <a href={`/api/exports/public-appeals.json?body=${data.body.id}`}>{tu("json")}</a>
        </p>
      </section>
    </>
  );
}
