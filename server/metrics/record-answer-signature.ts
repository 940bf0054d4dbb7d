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

const BATCH = 5000;
/** Distinct normalised answers whose MinHash is kept while signing in bulk (memory stays bounded). */
const MEMO = 100_000;

/**
 * Signs every answer that has no signature yet (answers written in bulk by the generator, or before
 * signatures existed), then counts their near-copies exactly as recordAnswerSignature would have.
 * Returns how many it signed.
 */
export async function signUnsignedAnswers(db: Db, o: { log?: (line: string) => void } = {}): Promise<number> {
  let signed = 0;
  let indexSetAside = false;
  let after = "00000000-0000-0000-0000-000000000000";
  // Answers made from one template normalise to the same words: their MinHash is computed once.
  const memo = new Map<string, number[]>();
  for (;;) {
    // In key order from where the last batch ended: "not signed yet" alone read every signed answer again.
    const rows = await db.execute<{
      appeal_id: string;
      body_id: string;
      answered_at: string;
      answer: string;
      subject: string;
      text: string;
      applicant_name: string | null;
      applicant_address: string | null;
      location_text: string | null;
    }>(sql`
      select ans.appeal_id, ans.body_id, ans.answered_at, ans.text as answer, a.subject, a.text,
        a.applicant_name, a.applicant_address, a.location_text
      from appeal_answers ans join appeals a on a.id = ans.appeal_id
      where ans.appeal_id > ${after}::uuid
        and not exists (
          select 1 from answer_signatures s where s.appeal_id = ans.appeal_id and s.appeal_id > ${after}::uuid)
      order by ans.appeal_id
      limit ${BATCH}`);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.appeal_id ?? after;
    // A bulk load (the generator's answers, a restored backup): the band index is built once at the end
    // rather than row by row, which was most of the insert's time.
    if (signed === 0 && rows.length === BATCH) {
      await db.execute(sql`drop index if exists answer_signatures_bands_idx`);
      indexSetAside = true;
    }
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
    // near_copies -1 marks a row not counted yet; counted below once every earlier answer is signed.
    await db.execute(sql`
      insert into answer_signatures (appeal_id, body_id, answered_at, minhash, bands, near_copies)
      select v.a, v.b, v.t, v.m::int[], v.n::int[], -1
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(a uuid, b uuid, t timestamptz, m text, n text)`);
    signed += rows.length;
    if (signed % 100_000 < BATCH) o.log?.(`signed ${signed}`);
  }
  if (indexSetAside) {
    await db.transaction(async (tx) => {
      // The default 64 MB made building the GIN index over a million answers take minutes.
      await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
      await tx.execute(sql`create index answer_signatures_bands_idx on answer_signatures using gin (bands)`);
    });
    await db.execute(sql`analyze answer_signatures`);
    o.log?.("band index rebuilt");
  }
  if (signed > 0) {
    // Exact copies first, in one pass: an answer whose second earlier identical signature of the body is
    // within the window has (at least) the FORMAL_MIN_COPIES near-copies the count stops at. Templates
    // are most of the answers of a formal body, and their bands are shared by all of them, so probing the
    // index for each one read thousands of rows.
    await db.execute(sql`
      update answer_signatures s set near_copies = ${FORMAL_MIN_COPIES}
      from (
        select appeal_id, near_copies, answered_at,
          lag(answered_at, ${FORMAL_MIN_COPIES}) over (
            partition by body_id, minhash order by answered_at, appeal_id) as earlier
        from answer_signatures
        where body_id in (select distinct body_id from answer_signatures where near_copies = -1)
      ) w
      where s.appeal_id = w.appeal_id and w.near_copies = -1
        and w.earlier >= w.answered_at - ${sql.raw(`interval '${WINDOW_DAYS} days'`)}`);
    o.log?.("exact copies counted");
    await db.execute(sql`
      update answer_signatures s set near_copies = ${nearCopiesOf("s")} where s.near_copies = -1`);
  }
  return signed;
}
