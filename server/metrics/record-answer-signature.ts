import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type AppealContext,
  bandsOf,
  FORMAL_MIN_COPIES,
  minhash,
  NEAR_COPY_POSITIONS,
  normaliseAnswer,
  shingles,
  signAnswer,
  WINDOW_DAYS,
} from "./answer-signature";
import { countNearCopies, type SignedAnswer } from "./count-near-copies";

/**
 * How many answers of the same body, sent in the window before answer `s` (ties broken by id, so exactly
 * one of two simultaneous answers is the earlier), are near-copies of it: they share a band (the GIN index
 * finds them) and at least NEAR_COPY_POSITIONS equal signature positions. Counting stops at
 * FORMAL_MIN_COPIES, all the figure needs. `s` names a row with appeal_id, body_id, answered_at, minhash, bands.
 */
const nearCopiesOf = (s: string) =>
  sql.raw(`(select count(*)::smallint from (
    select 1 from answer_signatures o
    where o.bands && ${s}.bands and o.body_id = ${s}.body_id
      and o.answered_at >= ${s}.answered_at - interval '${WINDOW_DAYS} days'
      and (o.answered_at, o.appeal_id) < (${s}.answered_at, ${s}.appeal_id)
      and (select count(*) from unnest(o.minhash, ${s}.minhash) u(x, y) where x = y) >= ${NEAR_COPY_POSITIONS}
    limit ${FORMAL_MIN_COPIES}) near)`);

/**
 * Signs an answer as it is written, in the answer's transaction, and counts its near-copies among the
 * body's earlier answers then and there: the count never changes afterwards, so no refresh recounts it.
 */
export async function recordAnswerSignature(
  tx: Db,
  o: { appealId: string; bodyId: string; answeredAt: Date; text: string; appeal: AppealContext },
): Promise<number> {
  const sig = signAnswer(o.text, o.appeal, o.bodyId);
  const [row] = await tx.execute<{ near_copies: number }>(sql`
    with s as (
      select ${o.appealId}::uuid as appeal_id, ${o.bodyId}::uuid as body_id,
        ${o.answeredAt.toISOString()}::timestamptz as answered_at,
        ${`{${sig.minhash.join(",")}}`}::int[] as minhash, ${`{${sig.bands.join(",")}}`}::int[] as bands
    )
    insert into answer_signatures (appeal_id, body_id, answered_at, minhash, bands, near_copies)
    select appeal_id, body_id, answered_at, minhash, bands, ${nearCopiesOf("s")} from s
    returning near_copies`);
  return Number(row?.near_copies ?? 0);
}

/** Pages of appeal_answers signed at a time: about 5,000 answers. */
const PAGES = 500;
/** Signatures from which signing is a bulk load. */
const BULK = 5000;
/** Distinct normalised answers whose MinHash is kept while signing in bulk (memory stays bounded). */
const MEMO = 100_000;
/** Counts written per insert into near_counts. */
const INSERT_ROWS = 20_000;

type Unsigned = {
  appeal_id: string;
  body_id: string;
  answered_at: string;
  answer: string;
  subject: string;
  text: string;
  applicant_name: string | null;
  applicant_address: string | null;
  location_text: string | null;
};
type Signed = { appeal_id: string; at: string; minhash: string; bands: string };

/** Reads PostgreSQL's text of signatures, one array for each distinct text. */
function signatureReader(): (r: Signed) => SignedAnswer {
  const arrays = new Map<string, number[]>();
  const array = (text: string) => {
    let a = arrays.get(text);
    if (!a) {
      a = text.slice(1, -1).split(",").map(Number);
      arrays.set(text, a);
    }
    return a;
  };
  return (r) => ({
    appealId: r.appeal_id,
    at: Number(r.at),
    minhash: array(r.minhash),
    bands: array(r.bands),
  });
}

/**
 * Signs every answer that has no signature yet (answers written in bulk by the generator, a restored
 * register, or answers sent before signatures existed) and counts their near-copies exactly as
 * recordAnswerSignature would have counted each when it was sent. Returns how many it signed.
 */
export async function signUnsignedAnswers(db: Db, o: { log?: (line: string) => void } = {}): Promise<number> {
  // Two index-only scans: a rebuild with every answer signed reads no answer's text.
  const [unsigned] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from appeal_answers ans
    where not exists (select 1 from answer_signatures s where s.appeal_id = ans.appeal_id)`);
  if (Number(unsigned?.n ?? 0) === 0) return 0;
  // One transaction: the signatures wait in a temporary table until each body's are counted.
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      create temp table unsigned_signatures (
        appeal_id uuid not null, body_id uuid not null, answered_at timestamptz not null,
        minhash int[] not null, bands int[] not null
      ) on commit drop`);
    const signed = await signInto(tx, o.log);
    if (signed === 0) return 0;
    // One sort, so that each body's signatures lie together on a few pages: as written, in the answers'
    // order, one body's rows are spread over the whole table.
    await tx.execute(sql`create index unsigned_signatures_body on unsigned_signatures (body_id)`);
    await tx.execute(sql`cluster unsigned_signatures using unsigned_signatures_body`);
    await tx.execute(sql`analyze unsigned_signatures`);
    await tx.execute(
      sql`create temp table near_counts (appeal_id uuid not null, n smallint not null) on commit drop`,
    );
    // A bulk load: the band index is built once at the end rather than row by row, which was most of the
    // insert's time. Counting does not read it.
    const bulk = signed >= BULK;
    if (bulk) await tx.execute(sql`drop index if exists answer_signatures_bands_idx`);
    const bodies = await tx.execute<{ body_id: string }>(
      sql`select distinct body_id from unsigned_signatures`,
    );
    for (const { body_id } of bodies) await countBody(tx, body_id);
    o.log?.(`near copies counted in ${bodies.length} bodies`);
    // One insert, once every body is counted: one pass over each temporary table.
    await tx.execute(sql`set local work_mem = '256MB'`);
    await withoutReferenceChecks(tx, () =>
      tx.execute(sql`
        insert into answer_signatures (appeal_id, body_id, answered_at, minhash, bands, near_copies)
        select u.appeal_id, u.body_id, u.answered_at, u.minhash, u.bands, c.n
        from unsigned_signatures u join near_counts c using (appeal_id)`),
    );
    o.log?.("signatures written");
    if (bulk) {
      // The default 64 MB made building the GIN index over a million answers take minutes.
      await tx.execute(sql`set local maintenance_work_mem = '1GB'`);
      await tx.execute(sql`create index answer_signatures_bands_idx on answer_signatures using gin (bands)`);
      await tx.execute(sql`analyze answer_signatures`);
      o.log?.("band index rebuilt");
    }
    return signed;
  });
}

/**
 * Runs `write` without the row-by-row foreign-key checks, when the role may skip them (a superuser, as
 * the generator and a restore run), and with them otherwise. For the signatures written in bulk they
 * prove nothing: each is of an answer read from appeal_answers in this transaction, so its appeal and
 * body exist. Each check also locked its appeal's row (FOR KEY SHARE), writing to every page of appeals:
 * 80 % of the insert's time. The role is put back after, for whatever else the transaction does.
 */
async function withoutReferenceChecks(tx: Db, write: () => Promise<unknown>): Promise<void> {
  const [role] = await tx.execute<{ role: string }>(
    sql`select current_setting('session_replication_role') as role`,
  );
  // In a savepoint of its own: postgres.js fails the whole transaction on any error not met in one.
  const skipped = await tx
    .transaction((sp) => sp.execute(sql`set local session_replication_role = replica`))
    .then(
      () => true,
      () => false,
    );
  await write();
  if (skipped)
    await tx.execute(sql`select set_config('session_replication_role', ${role?.role ?? "origin"}, true)`);
}

/** Signs the unsigned answers, a range of the answers' pages at a time, into unsigned_signatures. */
async function signInto(tx: Db, log?: (line: string) => void): Promise<number> {
  const [size] = await tx.execute<{ pages: number }>(sql`
    select (pg_relation_size('appeal_answers') / current_setting('block_size')::int)::int as pages`);
  const pages = Number(size?.pages ?? 0);
  let signed = 0;
  // Answers made from one template normalise to the same words: their MinHash is computed once.
  const memo = new Map<string, number[]>();
  // In the order the answers lie on disk, whose appeals were mostly written in the same order: read in
  // key order, every answer and its appeal was a page read of its own (0.17 ms a row against 0.05).
  const read = (page: number): Promise<Unsigned[]> => {
    // Started now, not when awaited (drizzle's queries run when awaited); a failure is thrown where awaited.
    const rows = Promise.resolve(
      tx.execute<Unsigned>(sql`
      select ans.appeal_id, ans.body_id, ans.answered_at, ans.text as answer, a.subject, a.text,
        a.applicant_name, a.applicant_address, a.location_text
      from appeal_answers ans join appeals a on a.id = ans.appeal_id
      where ans.ctid >= ${`(${page},0)`}::tid and ans.ctid < ${`(${page + PAGES},0)`}::tid
        and not exists (select 1 from answer_signatures s where s.appeal_id = ans.appeal_id)`),
    );
    rows.catch(() => {});
    return rows;
  };
  let next = pages > 0 ? read(0) : null;
  for (let page = 0; next; page += PAGES) {
    const rows = await next;
    // The next range is read by PostgreSQL while this one is signed here: the two cores work at once.
    next = page + PAGES < pages ? read(page + PAGES) : null;
    if (rows.length === 0) continue;
    const values = rows.map((r) => {
      const words = normaliseAnswer(r.answer, {
        subject: r.subject,
        text: r.text,
        applicantName: r.applicant_name,
        applicantAddress: r.applicant_address,
        locationText: r.location_text,
      });
      const key = words.join(" ");
      let sig = memo.get(key);
      if (!sig) {
        if (memo.size >= MEMO) memo.clear();
        sig = minhash(shingles(words));
        memo.set(key, sig);
      }
      return {
        a: r.appeal_id,
        b: r.body_id,
        t: r.answered_at,
        m: `{${sig.join(",")}}`,
        n: `{${bandsOf(sig, r.body_id).join(",")}}`,
      };
    });
    await tx.execute(sql`
      insert into unsigned_signatures
      select v.a, v.b, v.t, v.m::int[], v.n::int[]
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(a uuid, b uuid, t timestamptz, m text, n text)`);
    const before = signed;
    signed += rows.length;
    if (Math.floor(signed / 100_000) > Math.floor(before / 100_000)) log?.(`signed ${signed}`);
  }
  return signed;
}

/**
 * Counts one body's new signatures against each other and the body's signed answers in their window, into
 * near_counts.
 */
async function countBody(tx: Db, bodyId: string): Promise<void> {
  const micros = sql.raw("(extract(epoch from answered_at) * 1000000)::bigint::text");
  const fresh = await tx.execute<Signed>(sql`
    select appeal_id, ${micros} as at, minhash::text, bands::text
    from unsigned_signatures where body_id = ${bodyId}::uuid`);
  const earlier = await tx.execute<Signed>(sql`
    select appeal_id, ${micros} as at, minhash::text, bands::text from answer_signatures
    where body_id = ${bodyId}::uuid
      and answered_at >= (select min(answered_at) from unsigned_signatures where body_id = ${bodyId}::uuid)
        - ${sql.raw(`interval '${WINDOW_DAYS} days'`)}
      and answered_at <= (select max(answered_at) from unsigned_signatures where body_id = ${bodyId}::uuid)`);
  // The text is the key: the answers of one template share one array, so each signature is compared once.
  const read = signatureReader();
  const counts = [...countNearCopies(fresh.map(read), earlier.map(read))];
  for (let i = 0; i < counts.length; i += INSERT_ROWS) {
    const chunk = counts.slice(i, i + INSERT_ROWS).map(([a, n]) => ({ a, n }));
    await tx.execute(sql`
      insert into near_counts select c.a, c.n
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as c(a uuid, n smallint)`);
  }
}
