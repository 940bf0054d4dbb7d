import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Formal replies (docs/metrics.md): an answer is formal when at least 3 other answers of its body in the
 * same quarter are near-copies of it, pg_trgm similarity ≥ 0.9. These functions keep, per answer, how
 * many near-copies it has (metrics_appeal_facts.similar_answers); null means not counted yet.
 */

/**
 * Counts each new answer among the refreshed appeals (metrics_changed): answers are final, so each is
 * compared once with the answers of its body and quarter already counted, and each near-copy found gains
 * one; every pair is counted exactly once. An answer that reaches 3 moves its (body, month) rollup, so
 * its key joins metrics_keys.
 */
export async function countNewSimilarAnswers(tx: Db): Promise<void> {
  const pending = await tx.execute<{ appeal_id: string }>(sql`
    select f.appeal_id from metrics_appeal_facts f
    join metrics_changed c using (appeal_id)
    join appeal_answers ans on ans.appeal_id = f.appeal_id
    where f.similar_answers is null
    order by ans.answered_at, f.appeal_id`);
  for (const { appeal_id } of pending) {
    await tx.execute(sql`
      with me as (
        select appeal_id, body_id, text,
          date_trunc('quarter', answered_at at time zone 'UTC' + interval '5 hours') as quarter
        from appeal_answers where appeal_id = ${appeal_id}
      ),
      near as (
        select o.appeal_id from me
        join appeal_answers o on o.body_id = me.body_id and o.appeal_id <> me.appeal_id
          and o.answered_at >= (me.quarter - interval '5 hours') at time zone 'UTC'
          and o.answered_at < (me.quarter + interval '3 months' - interval '5 hours') at time zone 'UTC'
        join metrics_appeal_facts f on f.appeal_id = o.appeal_id and f.similar_answers is not null
        where similarity(o.text, me.text) >= 0.9
      ),
      bumped as (
        update metrics_appeal_facts f set similar_answers = f.similar_answers + 1
        from near where f.appeal_id = near.appeal_id
        returning f.body_id, f.month, f.similar_answers
      ),
      moved as (
        insert into metrics_keys select distinct body_id, month from bumped where similar_answers = 3
        on conflict do nothing
      )
      update metrics_appeal_facts set similar_answers = (select count(*) from near)
      where appeal_id = ${appeal_id}`);
  }
}

/**
 * The same counts for every answer at once, for a full rebuild, one body at a time. Comparing every pair
 * of a body's answers would take hours on a million appeals, so pairs are narrowed first without losing
 * any that could qualify, and only the remaining ones are compared with similarity():
 *
 * - identical texts (one md5) are counted together, as copies of one text;
 * - similarity is |A∩B| / |A∪B| over the trigram sets (show_trgm), so ≥ 0.9 needs the sizes within 10%
 *   of each other and at most δ = ⌊(|A|+|B|)/19⌋ trigrams in one set and not the other;
 * - hashing trigrams into P parts, each of those δ trigrams spoils at most one part, so at least P − δ
 *   parts hold exactly the same trigrams in both texts (pigeonhole). A pair is compared only if that
 *   many parts have the same signature (count and sums of hashes), empty parts counted generously.
 *
 * P depends on size: texts fall in classes c = ⌊log_{1/0.9} |A|⌋, a qualifying pair lies in one class or
 * two adjacent ones, and each text is signed under its class's scheme and the one below; scheme s has
 * P = 2·δmax + 2 parts, δmax being δ for two texts of the largest size of class s + 1.
 */
export async function countAllSimilarAnswers(tx: Db): Promise<void> {
  await tx.execute(sql`
    create temp table metrics_answer_texts on commit drop as
    select appeal_id, body_id, md5(text) as hash,
      to_char(date_trunc('quarter', answered_at at time zone 'UTC' + interval '5 hours'), 'YYYY-MM-DD') as quarter
    from appeal_answers`);
  await tx.execute(sql`create index on metrics_answer_texts (body_id)`);
  const bodies = await tx.execute<{ body_id: string }>(
    sql`select distinct body_id from metrics_answer_texts order by body_id`,
  );
  for (const { body_id } of bodies) await countBodySimilarAnswers(tx, body_id);
}

type Text = { quarter: string; hash: string; copies: number; sample: string; grams: Uint32Array };

const RATIO = 1 / 0.9;
const classOf = (size: number) => Math.floor(Math.log(Math.max(size, 1)) / Math.log(RATIO));
const deltaOf = (sizeA: number, sizeB: number) => Math.floor((sizeA + sizeB) / 19);
function schemeOf(s: number) {
  const deltaMax = deltaOf(RATIO ** (s + 2), RATIO ** (s + 2));
  return { parts: 2 * deltaMax + 2, deltaMax };
}

/** FNV-1a: a fast, well-spread 32-bit hash of a trigram. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const sizeOk = (a: Text, b: Text) =>
  Math.min(a.grams.length, b.grams.length) >= 0.9 * Math.max(a.grams.length, b.grams.length);

/** One text's signature under one scheme: a key per part (0 when the part is empty). */
type Signed = { keys: Float64Array; empty: number };

/** A 52-bit key of a part's content: equal contents give equal keys (a collision only adds a candidate). */
function partKey(
  quarter: number,
  scheme: number,
  part: number,
  count: number,
  sum: number,
  mix: number,
): number {
  let h =
    Math.imul(quarter + 1, 0x9e3779b1) ^
    Math.imul(scheme + 1024, 0x85ebca6b) ^
    Math.imul(part + 1, 0xc2b2ae35);
  h = Math.imul(h ^ count, 0x27d4eb2f) ^ sum;
  return (h >>> 0) * 2 ** 20 + ((mix ^ Math.imul(count, 0x165667b1)) >>> 12) + 1;
}

function sign(t: Text, quarter: number, s: number): Signed {
  const { parts } = schemeOf(s);
  const count = new Uint32Array(parts);
  const sum = new Uint32Array(parts);
  const mix = new Uint32Array(parts);
  for (const h of t.grams) {
    const p = h % parts;
    count[p] = (count[p] ?? 0) + 1;
    sum[p] = ((sum[p] ?? 0) + h) >>> 0;
    mix[p] = ((mix[p] ?? 0) ^ Math.imul(h, 0x9e3779b1)) >>> 0;
  }
  const keys = new Float64Array(parts);
  let empty = 0;
  for (let p = 0; p < parts; p++) {
    if (count[p] === 0) empty++;
    else keys[p] = partKey(quarter, s, p, count[p] ?? 0, sum[p] ?? 0, mix[p] ?? 0);
  }
  return { keys, empty };
}

/**
 * Pairs (indexes, first < second) of texts in one quarter that could be near-copies. A text A needs
 * P − δ − (empty parts) matching non-empty parts with a partner, so at most δmax of its non-empty parts
 * may differ: any δmax + 1 of them, the rarest taken, must include a shared one. Partners found that way
 * are then held to the full count.
 */
function candidatePairs(texts: Text[]): [number, number][] {
  const quarters = new Map<string, number>();
  const signed = texts.map((t) => {
    const q = quarters.get(t.quarter) ?? quarters.size;
    quarters.set(t.quarter, q);
    const c = classOf(t.grams.length);
    return new Map([c, c - 1].map((s) => [s, sign(t, q, s)]));
  });
  const buckets = new Map<number, number[]>();
  signed.forEach((schemes, i) => {
    for (const { keys } of schemes.values()) {
      for (const key of keys) {
        if (key === 0) continue;
        const bucket = buckets.get(key);
        if (bucket) bucket.push(i);
        else buckets.set(key, [i]);
      }
    }
  });
  const pairs = new Set<number>();
  const consider = (x: number, y: number, s: number) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const pair = a * texts.length + b;
    if (pairs.has(pair)) return;
    const ta = texts[a] as Text;
    const tb = texts[b] as Text;
    const sa = signed[a]?.get(s);
    const sb = signed[b]?.get(s);
    if (!sa || !sb || ta.quarter !== tb.quarter || !sizeOk(ta, tb)) return;
    let matches = 0;
    for (let p = 0; p < sa.keys.length; p++) if (sa.keys[p] !== 0 && sa.keys[p] === sb.keys[p]) matches++;
    const { parts } = schemeOf(s);
    if (matches + Math.min(sa.empty, sb.empty) >= parts - deltaOf(ta.grams.length, tb.grams.length))
      pairs.add(pair);
  };
  signed.forEach((schemes, i) => {
    for (const [s, { keys, empty }] of schemes) {
      const { parts, deltaMax } = schemeOf(s);
      if (empty >= parts - deltaMax) {
        // So many empty parts that a near-copy might share no non-empty one: compare it with every text.
        texts.forEach((_, j) => {
          if (j !== i) consider(i, j, s);
        });
        continue;
      }
      const probes = [...keys]
        .filter((k) => k !== 0)
        .sort((k1, k2) => (buckets.get(k1)?.length ?? 0) - (buckets.get(k2)?.length ?? 0))
        .slice(0, deltaMax + 1);
      for (const key of probes) for (const j of buckets.get(key) ?? []) if (j !== i) consider(i, j, s);
    }
  });
  return [...pairs].map((pair) => [Math.floor(pair / texts.length), pair % texts.length]);
}

const CHUNK = 5000;

async function countBodySimilarAnswers(tx: Db, bodyId: string): Promise<void> {
  const rows = await tx.execute<{
    quarter: string;
    hash: string;
    copies: number;
    sample: string;
    grams: string[];
  }>(sql`
    select g.quarter, g.hash, g.copies, g.sample, show_trgm(a.text) as grams
    from (
      select quarter, hash, count(*)::int as copies, min(appeal_id::text) as sample
      from metrics_answer_texts where body_id = ${bodyId}
      group by quarter, hash
    ) g
    join appeal_answers a on a.appeal_id = g.sample::uuid`);
  const texts: Text[] = rows.map((r) => ({ ...r, grams: Uint32Array.from(r.grams, fnv1a) }));
  const neighbours = texts.map((t) => t.copies - 1);
  const pairs = candidatePairs(texts);
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = pairs.slice(i, i + CHUNK);
    const near = await tx.execute<{ i: number }>(sql`
      select (u.ordinality - 1)::int as i
      from jsonb_array_elements(${JSON.stringify(chunk.map(([x, y]) => [texts[x]?.sample, texts[y]?.sample]))}::jsonb)
        with ordinality u(pair, ordinality)
      join appeal_answers x on x.appeal_id = (u.pair->>0)::uuid
      join appeal_answers y on y.appeal_id = (u.pair->>1)::uuid
      where similarity(x.text, y.text) >= 0.9`);
    for (const { i: k } of near) {
      const [x, y] = chunk[k] as [number, number];
      neighbours[x] = (neighbours[x] ?? 0) + (texts[y]?.copies ?? 0);
      neighbours[y] = (neighbours[y] ?? 0) + (texts[x]?.copies ?? 0);
    }
  }
  const counts = texts.map((t, i) => ({ q: t.quarter, h: t.hash, n: neighbours[i] }));
  for (let i = 0; i < counts.length; i += CHUNK) {
    await tx.execute(sql`
      update metrics_appeal_facts f set similar_answers = v.n
      from jsonb_to_recordset(${JSON.stringify(counts.slice(i, i + CHUNK))}::jsonb) as v(q text, h text, n int)
      join metrics_answer_texts t on t.body_id = ${bodyId} and t.quarter = v.q and t.hash = v.h
      where f.appeal_id = t.appeal_id`);
  }
}
