import { getTranslations, setRequestLocale } from "next-intl/server";
import { AnswerFiguresSection } from "@/components/dashboard/answer-figures";
import { ClockFiguresSection } from "@/components/dashboard/clock-figures";
import styles from "@/components/dashboard/dashboard.module.css";
import { choiceOf, periodOf, type SearchParams } from "@/components/dashboard/dashboard-view";
import { LeagueTable } from "@/components/dashboard/league-table";
import { KeyFigures, MetricsTable } from "@/components/dashboard/metrics-table";
import { PeriodForm } from "@/components/dashboard/period-form";
import { RegionMap } from "@/components/dashboard/region-map";
import { TrendCharts } from "@/components/dashboard/trend-charts";
import { Link } from "@/components/locale-link";
import { SelectField } from "@/components/operator/select-field";
import { ReplicaLagNote } from "@/components/replica-lag";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCaller } from "@/server/caller";
import { LEAGUE_SORT_KEYS, MAP_METRICS } from "@/server/metrics/dashboard-queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("title") };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { period } = periodOf(query, new Date());
  const metric = choiceOf(query.metric, MAP_METRICS, "responseRate");
  const sort = choiceOf(query.sort, LEAGUE_SORT_KEYS, "received");
  const order = choiceOf(query.order, ["asc", "desc"] as const, sort === "received" ? "desc" : "asc");
  const caller = await getCaller();
  const [overview, map, league, trend, clock, user, answers, lag] = await Promise.all([
    caller.metrics.overview({ period }),
    caller.metrics.map({ period, metric }),
    caller.metrics.league({ period, sort, order }),
    caller.metrics.trend({ period }),
    caller.metrics.clock({ period }),
    getCurrentUser(),
    caller.metrics.answers({ period }),
    caller.replica.lag(),
  ]);
  const t = await getTranslations("dashboard");
  const ta = await getTranslations("answerCheck.figures.data");
  const tr = await getTranslations("openData.registers");
  const exportQuery = `from=${period.from}&to=${period.to}`;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>
        <Link href="/grading">{t("gradingLink")}</Link>
      </p>
      <PeriodForm action={`/${locale}/dashboard`} period={period} keep={{ sort, order }}>
        <SelectField name="metric" id="map-metric" label={t("map.metricLabel")} defaultValue={metric}>
          {MAP_METRICS.map((m) => (
            <option key={m} value={m}>
              {t(`metric.${m}`)}
            </option>
          ))}
        </SelectField>
      </PeriodForm>
      <p className="hint">{t("period.current", { from: period.from, to: period.to })}</p>
      <ReplicaLagNote lag={lag} />

      <section className={styles.section} aria-labelledby="republic-heading">
        <h2 id="republic-heading">{t("republic")}</h2>
        <KeyFigures metrics={overview} />
        <details>
          <summary>{t("all.show")}</summary>
          <MetricsTable
            metrics={overview}
            caption={t("all.caption", { scope: t("republic") })}
            drill={user?.role === "auditor" ? { ...period } : null}
          />
        </details>
      </section>

      <ClockFiguresSection
        data={clock}
        months={trend}
        scope={t("republic")}
        drill={user?.role === "auditor" ? { ...period } : null}
        collapsed
      />

      <section className={styles.section} aria-labelledby="map-heading">
        <h2 id="map-heading">{t("map.title", { metric: t(`metric.${metric}`) })}</h2>
        <p className="hint">{t("map.lead")}</p>
        <RegionMap values={map} metric={metric} period={period} />
      </section>

      <section className={styles.section} aria-labelledby="league-heading">
        <h2 id="league-heading">{t("league.title")}</h2>
        <LeagueTable
          rows={league}
          sort={sort}
          order={order}
          period={period}
          pathname="/dashboard"
          caption={t("league.caption")}
          requestedPage={query.page}
        />
      </section>

      <AnswerFiguresSection
        figures={answers}
        scope={t("republic")}
        drill={user?.role === "auditor" ? { ...period } : null}
      />

      <section className={styles.section} aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t("trend.title")}</h2>
        <TrendCharts points={trend} id="republic" />
      </section>

      <section className={styles.section} aria-labelledby="data-heading">
        <h2 id="data-heading">{t("data.title")}</h2>
        <p>{t("data.lead")}</p>
        <ul className={styles.downloads}>
          <li>
            <a href={`/api/exports/metrics.csv?${exportQuery}&by=body`}>{t("data.csvBodies")}</a>
          </li>
          <li>
            <a href={`/api/exports/metrics.json?${exportQuery}&by=body`}>{t("data.jsonBodies")}</a>
          </li>
          <li>
            <a href={`/api/exports/metrics.csv?${exportQuery}&by=region`}>{t("data.csvRegions")}</a>
          </li>
          <li>
            <a href={`/api/exports/metrics.json?${exportQuery}&by=region`}>{t("data.jsonRegions")}</a>
          </li>
        </ul>
        <h3>{ta("downloads")}</h3>
        <ul className={styles.downloads}>
          {(["body", "region"] as const).flatMap((by) =>
            (["csv", "json"] as const).map((format) => (
              <li key={`${by}-${format}`}>
                <a href={`/api/exports/answers.${format}?${exportQuery}&by=${by}`}>
                  {ta(`${format}${by === "body" ? "Bodies" : "Regions"}`)}
                </a>
              </li>
            )),
          )}
        </ul>
        <p>
          <Link href="/open-data#registers">{tr("dashboardLink")}</Link>
        </p>
      </section>
    </>
  );
}
