import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AnswerFiguresSection } from "@/components/dashboard/answer-figures";
import { CategoryTable } from "@/components/dashboard/category-table";
import { ClockFiguresSection } from "@/components/dashboard/clock-figures";
import styles from "@/components/dashboard/dashboard.module.css";
import { choiceOf, periodOf, type SearchParams } from "@/components/dashboard/dashboard-view";
import { LeagueTable } from "@/components/dashboard/league-table";
import { KeyFigures, MetricsTable } from "@/components/dashboard/metrics-table";
import { PeriodForm } from "@/components/dashboard/period-form";
import { TrendCharts } from "@/components/dashboard/trend-charts";
import { Link } from "@/components/locale-link";
import { ReplicaLagNote } from "@/components/replica-lag";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCaller } from "@/server/caller";
import { REGION_CODES, REGIONS, type RegionCode } from "@/server/directory/regions";
import { LEAGUE_SORT_KEYS } from "@/server/metrics/dashboard-queries";
import { rankLeague } from "@/server/metrics/league-ranking";

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: Promise<SearchParams> };

const regionOf = (code: string) =>
  (REGION_CODES as readonly string[]).includes(code) ? (code as RegionCode) : null;

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const region = regionOf(code);
  return {
    title: region ? t("regionPage.title", { name: REGIONS[region].name[locale as Locale] }) : t("title"),
  };
}

export default async function RegionDashboardPage({ params, searchParams }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const region = regionOf(code);
  if (!region) notFound();
  const query = await searchParams;
  const { period } = periodOf(query, new Date());
  const sort = choiceOf(query.sort, LEAGUE_SORT_KEYS, "received");
  const order = choiceOf(query.order, ["asc", "desc"] as const, sort === "received" ? "desc" : "asc");
  const caller = await getCaller();
  const [data, clock, user, answers, lag] = await Promise.all([
    caller.metrics.region({ code: region, period }),
    caller.metrics.clock({ region, period }),
    getCurrentUser(),
    caller.metrics.answers({ period, region }),
    caller.replica.lag(),
  ]);
  // The same confidence-aware ranking as the national table (league-ranking.ts), in the order asked for.
  const bodies = rankLeague(data.bodies, sort, order);
  const t = await getTranslations("dashboard");
  const name = REGIONS[region].name[locale as Locale];

  return (
    <>
      <p>
        <Link href={{ pathname: "/dashboard", query: { ...period } }}>{t("back")}</Link>
      </p>
      <h1>{t("regionPage.title", { name })}</h1>
      <p className="lead">{t("regionPage.lead")}</p>
      <PeriodForm action={`/${locale}/dashboard/regions/${region}`} period={period} keep={{ sort, order }} />
      <p className="hint">{t("period.current", { from: period.from, to: period.to })}</p>
      <ReplicaLagNote lag={lag} />
      <section className={styles.section} aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("all.title")}</h2>
        <KeyFigures metrics={data.metrics} />
        <MetricsTable
          metrics={data.metrics}
          caption={t("all.caption", { scope: name })}
          drill={user?.role === "auditor" ? { ...period, region } : null}
        />
      </section>
      <ClockFiguresSection
        data={clock}
        months={data.trend}
        scope={name}
        drill={user?.role === "auditor" ? { ...period, region } : null}
      />
      <AnswerFiguresSection
        figures={answers}
        scope={name}
        drill={user?.role === "auditor" ? { ...period, region } : null}
      />
      <section className={styles.section} aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t("trend.title")}</h2>
        <TrendCharts points={data.trend} id="region" />
      </section>
      <section className={styles.section} aria-labelledby="bodies-heading">
        <h2 id="bodies-heading">{t("regionPage.bodies")}</h2>
        <LeagueTable
          rows={bodies}
          sort={sort}
          order={order}
          period={period}
          pathname={`/dashboard/regions/${region}`}
          caption={t("regionPage.bodiesCaption", { name })}
          requestedPage={query.page}
        />
      </section>
      <section className={styles.section} aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t("categories.title")}</h2>
        <CategoryTable rows={data.categories} />
      </section>
    </>
  );
}
