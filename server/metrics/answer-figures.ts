import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { answerDecision, ratingOutcome } from "@/db/schema";
import type { AnswerDecision } from "../appeals/answer-outcomes";
import type { RegionCode } from "../directory/regions";
import { FORMAL_MIN_COPIES } from "./answer-signature";
import { cachedFigures } from "./figures-cache";
import { addMonths, monthStart, type Period } from "./period";

export type Verdict = (typeof ratingOutcome.enumValues)[number];

/** Days after an answer within which filing again counts as coming back (docs/metrics.md). */
export const CAME_BACK_DAYS = 180;

/**
 * Whether a later appeal `n` (its body `nb`) shows that answered appeal `a` (its answer `ans`, its body `b`)
 * came back: its author filed another appeal in the same category, not a complaint about `a`, within
 * CAME_BACK_DAYS after the answer, to the same body, a body directly below it or the body directly above it.
 */
export const CAME_BACK_MATCH = sql`n.author_id = a.author_id and n.category = a.category and n.id <> a.id
    and n.complaint_of_id is distinct from a.id
    and n.filed_at > ans.answered_at
    and n.filed_at <= ans.answered_at + ${`${CAME_BACK_DAYS} days`}::interval
    and (n.body_id = a.body_id or nb.parent_id = a.body_id or n.body_id = b.parent_id)`;

/** Whether answered appeal `a` came back (CAME_BACK_MATCH), as one condition: the auditor's drill-down. */
export const CAME_BACK = sql`a.author_id is not null and exists (
  select 1 from appeals n join state_bodies nb on nb.id = n.body_id where ${CAME_BACK_MATCH})`;

/**
 * What the answers of a scope say (docs/metrics.md "Outcomes" and "Answers that say something"), each
 * count with the base it is a share of.
 */
export type AnswerFigures = {
  answered: number;
  decisions: Record<AnswerDecision, number>;
  /** Decision × the citizen's verdict, over rated answers. */
  claimed: Record<AnswerDecision, Record<Verdict, number>>;
  rated: number;
  satisfiedRated: number;
  satisfiedNotResolved: number;
  cameBack: number;
  /** Answered appeals with an author's account: only they can be followed to a later appeal. */
  cameBackBase: number;
  /** When the two came-back counts were made (count-came-back.ts, each night); null: not yet counted. */
  cameBackCountedAt: string | null;
  /** Answers the pre-send check looked at (sent since it exists). */
  checked: number;
  lawfulLanguage: number;
  namesLegalGround: number;
  formal: number;
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * From the summaries (metrics_answer_monthly, kept by the refresh), held in the figure cache until the next
 * refresh. `scope` is one body, one region's bodies, or every body.
 */
export async function answerFigures(
  db: Db,
  o: { period: Period; bodyId?: string; region?: RegionCode },
): Promise<AnswerFigures> {
  const key = `answer-figures:${o.period.from}:${o.period.to}:${o.bodyId ?? ""}:${o.region ?? ""}`;
  return cachedFigures(db, key, () => summaryAnswerFigures(db, o));
}

/** The same, read from the summaries each time: what the figure cache holds. */
export async function summaryAnswerFigures(
  db: Db,
  o: { period: Period; bodyId?: string; region?: RegionCode },
): Promise<AnswerFigures> {
  return foldAnswerRows(await answerRows(db, o), await cameBackCountedAt(db));
}

/**
 * The same figures straight from the answers, ratings and signatures of the appeals filed in the period
 * (the same cohort as every figure), came back counted now: what the summaries must agree with. 10 s on a
 * million appeals.
 */
export async function computeAnswerFigures(
  db: Db,
  o: { period: Period; bodyId?: string; region?: RegionCode },
): Promise<AnswerFigures> {
  return foldAnswerRows(await answerRowsDirect(db, o), new Date().toISOString());
}

/** When came back was last counted (count-came-back.ts); null: never. */
export async function cameBackCountedAt(db: Db): Promise<string | null> {
  const [state] = await db.execute<{ at: string | null }>(
    sql`select came_back_counted_at as at from metrics_state where id = 1`,
  );
  return state?.at ? new Date(state.at).toISOString() : null;
}

type AnswerRow = {
  body_id: string;
  region: string | null;
  /** Null on a row of the came-back counts alone. */
  decision: AnswerDecision | null;
  outcome: Verdict | null;
  n: number;
  came_back: number;
  came_back_base: number;
  checked: number;
  lawful: number;
  grounded: number;
  formal: number;
};

/** One body, one region's bodies or every body, as a condition on the query's `body` and `region` columns. */
const scopeWhere = (o: { bodyId?: string; region?: RegionCode }, columns: { body: SQL; region: SQL }): SQL =>
  o.bodyId ? sql`${columns.body} = ${o.bodyId}` : o.region ? sql`${columns.region} = ${o.region}` : sql`true`;

/**
 * The answers of the scope and period, per body, decision and verdict, summed from the summaries, and
 * per body the came-back counts of the last nightly count.
 */
async function answerRows(
  db: Db,
  o: { period: Period; bodyId?: string; region?: RegionCode },
): Promise<AnswerRow[]> {
  const scope = scopeWhere(o, { body: sql`m.body_id`, region: sql`m.region` });
  const months = sql`m.month >= ${monthStart(o.period.from)}::date and m.month <= ${monthStart(o.period.to)}::date`;
  return db.execute<AnswerRow>(sql`
    select m.body_id, m.region, m.decision, m.outcome, sum(m.answered)::int as n,
      0 as came_back, 0 as came_back_base,
      sum(m.checked)::int as checked, sum(m.lawful)::int as lawful, sum(m.grounded)::int as grounded,
      sum(m.formal)::int as formal
    from metrics_answer_monthly m
    where ${months} and ${scope}
    group by m.body_id, m.region, m.decision, m.outcome
    union all
    select m.body_id, m.region, null, null, 0, sum(m.came_back)::int, sum(m.came_back_base)::int, 0, 0, 0, 0
    from metrics_came_back_monthly m
    where ${months} and ${scope}
    group by m.body_id, m.region`);
}

/** The same rows counted from the appeals themselves. */
async function answerRowsDirect(
  db: Db,
  o: { period: Period; bodyId?: string; region?: RegionCode },
): Promise<AnswerRow[]> {
  const scope = scopeWhere(o, { body: sql`a.body_id`, region: sql`b.region` });
  // Months filed in Almaty time, as appeal-facts-sql.ts counts them.
  const from = `${monthStart(o.period.from)}T00:00:00+05:00`;
  const to = `${monthStart(addMonths(o.period.to, 1))}T00:00:00+05:00`;
  return db.execute<AnswerRow>(sql`
    select a.body_id, b.region, ans.decision, r.outcome, count(*)::int as n,
      count(*) filter (where ${CAME_BACK})::int as came_back,
      count(*) filter (where a.author_id is not null)::int as came_back_base,
      count(ans.lawful_language)::int as checked,
      count(*) filter (where ans.lawful_language)::int as lawful,
      count(*) filter (where ans.names_legal_ground)::int as grounded,
      count(*) filter (where s.near_copies >= ${FORMAL_MIN_COPIES})::int as formal
    from appeals a
    join appeal_answers ans on ans.appeal_id = a.id
    join state_bodies b on b.id = a.body_id
    left join appeal_ratings r on r.appeal_id = a.id
    left join answer_signatures s on s.appeal_id = a.id
    where a.filed_at >= ${from}::timestamptz and a.filed_at < ${to}::timestamptz and ${scope}
    group by a.body_id, b.region, ans.decision, r.outcome`);
}

/** Sums counted rows into the figures of their scope. */
export function foldAnswerRows(rows: readonly AnswerRow[], cameBackCountedAt: string | null): AnswerFigures {
  const decisions = answerDecision.enumValues;
  const verdicts = ratingOutcome.enumValues;
  const f: AnswerFigures = {
    answered: 0,
    decisions: zeros(decisions),
    claimed: Object.fromEntries(decisions.map((d) => [d, zeros(verdicts)])) as AnswerFigures["claimed"],
    rated: 0,
    satisfiedRated: 0,
    satisfiedNotResolved: 0,
    cameBack: 0,
    cameBackBase: 0,
    cameBackCountedAt,
    checked: 0,
    lawfulLanguage: 0,
    namesLegalGround: 0,
    formal: 0,
  };
  for (const r of rows) {
    f.answered += r.n;
    if (r.decision) f.decisions[r.decision] += r.n;
    if (r.decision && r.outcome) {
      f.claimed[r.decision][r.outcome] += r.n;
      f.rated += r.n;
      if (r.decision === "satisfied") {
        f.satisfiedRated += r.n;
        if (r.outcome === "not_resolved") f.satisfiedNotResolved += r.n;
      }
    }
    f.cameBack += r.came_back;
    f.cameBackBase += r.came_back_base;
    f.checked += r.checked;
    f.lawfulLanguage += r.lawful;
    f.namesLegalGround += r.grounded;
    f.formal += r.formal;
  }
  return f;
}

/**
 * The open-data table of these figures (docs/metrics.md "Open data"): one row per body, or per region
 * (central bodies under an empty region), over the whole period, every count with its base.
 */
export async function exportAnswerFigures(
  db: Db,
  o: { period: Period; by: "body" | "region" },
): Promise<(AnswerFigures & { key: string | null })[]> {
  const groups = new Map<string | null, AnswerRow[]>();
  for (const r of await answerRows(db, o)) {
    const key = o.by === "body" ? r.body_id : r.region;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const countedAt = await cameBackCountedAt(db);
  return [...groups].map(([key, rows]) => ({ key, ...foldAnswerRows(rows, countedAt) }));
}
