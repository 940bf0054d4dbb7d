import { and, count, desc, eq, gte, inArray, lt, not, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type APPEAL_STATUSES, appealPublications, appeals, stateBodies } from "@/db/schema";
import { appealNumberOf } from "../appeals/open-id";
import type { AppealKind } from "../deadlines/deadline-policy";
import { addCalendarDays, almatyStartOfDay, type IsoDate } from "../deadlines/working-calendar";
import type { Category } from "../directory/state-bodies-directory";
import { kazakhPrefixQuery } from "../search/kazakh-stemmer";
import {
  isOverdue,
  isPublic,
  publicSummaryColumns,
  supportCount,
  toPublicSummary,
} from "./public-appeal-view";

export const PUBLIC_SORTS = ["relevance", "newest", "support"] as const;
export const PUBLIC_PAGE_SIZE = { default: 20, max: 50 } as const;

export type PublicAppealFilters = {
  bodyId?: string;
  region?: string;
  category?: Category;
  kind?: AppealKind;
  status?: (typeof APPEAL_STATUSES)[number];
  overdue?: boolean;
  /** Filing days in Almaty, both included. */
  from?: IsoDate;
  to?: IsoDate;
  search?: string;
  /** Relevance applies only to a search; without one the newest come first. */
  sort?: (typeof PUBLIC_SORTS)[number];
  page?: number;
  limit?: number;
  now?: Date;
  /** Where counting stops (COUNT_CAP). */
  countCap?: number;
  /** How many of the newest matches a search ranks by relevance (RANKED_CANDIDATES). */
  rankedCandidates?: number;
};

/**
 * Kazakh has no stemmer in PostgreSQL, so the words are matched as written ('simple'), and Russian and
 * English by their stems: the same three configurations the search column is built from. The three
 * queries are OR-ed into one, so the GIN index answers it in a single scan.
 */
const searchQuery = (q: string): SQL => {
  // Kazakh inflects by endings: the query's stems, as prefixes, find every form ("жол" finds "жолдар").
  const kazakh = kazakhPrefixQuery(q);
  return sql`(websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q})${kazakh ? sql` || to_tsquery('simple', ${kazakh})` : sql``})`;
};

const COUNT_CAP = 1000;
/**
 * A search ranks the newest matches only, as many as the pages the list can reach (COUNT_CAP): ranking
 * every match read all of them, 74 709 for a common two-word query on a million appeals (1.2 s p95).
 * Within them the order is by relevance, so the first page is the most relevant of what a reader can page to.
 */
const RANKED_CANDIDATES = COUNT_CAP;

/**
 * The `n` matches of `where` submitted last (a publication is submitted as its appeal is filed). Walking
 * every appeal newest first and testing each one's publication probed about 50 000 appeals, public or
 * not, for a common query on a million; the public publications in submission order (their own index)
 * are the third of them that can match.
 */
const lastSubmittedMatches = (db: Db, o: { where: SQL | undefined; n: number }) =>
  db
    .select({ id: appealPublications.appealId, submittedAt: appealPublications.submittedAt })
    .from(appealPublications)
    // Every publication has its appeal, so the outer join finds what an inner one would; but PostgreSQL
    // leaves an outer join out when nothing reads the joined table, as a search within a place does not.
    .leftJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .where(o.where)
    .orderBy(desc(appealPublications.submittedAt), desc(appealPublications.appealId))
    .limit(o.n);

/** Public appeals, filtered and searched: only what a moderator has let the public see. */
export async function listPublicAppeals(db: Db, o: PublicAppealFilters = {}) {
  const now = o.now ?? new Date();
  const limit = Math.min(Math.max(o.limit ?? PUBLIC_PAGE_SIZE.default, 1), PUBLIC_PAGE_SIZE.max);
  const page = Math.max(o.page ?? 1, 1);
  const search = o.search?.trim() ? searchQuery(o.search.trim()) : null;
  // A search for an appeal's number or its ASCII id finds that appeal, beside any text that matches.
  const searchedNumber = o.search ? appealNumberOf(o.search) : null;
  const cap = o.countCap ?? COUNT_CAP;

  /**
   * A search filters by the publication's copy of the appeal's place: the word index finds publications,
   * and testing each one's region there, not in appeals, spared a lookup per match (9 700 for a
   * medium query on a million, to keep 1 500 of them). The newest-first list keeps the appeals' index.
   */
  const place = search ? appealPublications : appeals;
  const where = and(
    isPublic,
    o.bodyId ? eq(place.bodyId, o.bodyId) : undefined,
    o.region ? eq(place.region, o.region) : undefined,
    o.category ? eq(place.category, o.category) : undefined,
    o.kind ? eq(appeals.kind, o.kind) : undefined,
    o.status ? eq(appeals.status, o.status) : undefined,
    o.overdue === true ? isOverdue(now) : o.overdue === false ? not(isOverdue(now)) : undefined,
    o.from ? gte(appeals.filedAt, almatyStartOfDay(o.from)) : undefined,
    o.to ? lt(appeals.filedAt, almatyStartOfDay(addCalendarDays(o.to, 1))) : undefined,
    search
      ? or(
          sql`${appealPublications.search} @@ ${search}`,
          searchedNumber ? eq(appeals.number, searchedNumber) : undefined,
        )
      : undefined,
  );
  const sort = o.sort === "relevance" && !search ? "newest" : (o.sort ?? (search ? "relevance" : "newest"));
  const ranked = sort === "relevance" && search;
  const order = ranked
    ? [desc(sql`ts_rank(${appealPublications.search}, ${search})`)]
    : sort === "support"
      ? [desc(supportCount)]
      : [];
  // Never fewer candidates than the page asked for needs, so a deep page is still filled.
  const candidates = Math.max(o.rankedCandidates ?? RANKED_CANDIDATES, page * limit);

  // Counting every match would read them all on every page, hundreds of thousands with a year's appeals:
  // the count stops past COUNT_CAP (fifty pages), and the list says "more than" that.
  const countMatches = async () => {
    const [row] = await db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(appeals)
        .innerJoin(appealPublications, eq(appealPublications.appealId, appeals.id))
        .where(where)
        .limit(cap + 1)
        .as("matches"),
    );
    return row?.n ?? 0;
  };
  const [rows, matched] = ranked
    ? await rankedPage()
    : await Promise.all([
        db
          .select(publicSummaryColumns(now))
          .from(appeals)
          .innerJoin(appealPublications, eq(appealPublications.appealId, appeals.id))
          .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
          .where(where)
          .orderBy(...order, desc(appeals.filedAt), desc(appeals.number))
          .limit(limit)
          .offset((page - 1) * limit),
        countMatches(),
      ]);

  /**
   * The candidates are read once, one more than are ranked: when the count stops within them (it always
   * does at COUNT_CAP), they are the count too, and the matches are not looked up a second time.
   */
  async function rankedPage() {
    const found = db.$with("found").as(lastSubmittedMatches(db, { where, n: candidates + 1 }));
    const items = await db
      .with(found)
      .select({ ...publicSummaryColumns(now), matched: sql<number>`(select count(*) from ${found})::int` })
      .from(appeals)
      .innerJoin(appealPublications, eq(appealPublications.appealId, appeals.id))
      .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
      .where(
        inArray(
          appeals.id,
          db
            .select({ id: found.id })
            .from(found)
            .orderBy(desc(found.submittedAt), desc(found.id))
            .limit(candidates),
        ),
      )
      .orderBy(...order, desc(appeals.filedAt), desc(appeals.number))
      .limit(limit)
      .offset((page - 1) * limit);
    const matched = items[0] && cap <= candidates ? items[0].matched : await countMatches();
    return [items, matched] as const;
  }

  const n = Math.min(matched, cap);
  return {
    items: rows.map(toPublicSummary),
    total: n,
    totalCapped: matched > cap,
    page,
    pageCount: Math.max(Math.ceil(n / limit), 1),
    sort,
  };
}
