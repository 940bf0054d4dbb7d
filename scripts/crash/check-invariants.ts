// What must hold in the database after any number of crashes: every acknowledged appeal whole and as sent,
// one appeal per idempotency key, a gapless register, no file without its appeal and none missing, every
// appeal with its "registered" event and receipt, and publication state backed by the moderation log.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { Submission } from "./submissions";

type Row = Record<string, unknown>;

export async function checkInvariants(
  db: Database,
  o: { submissions: readonly Submission[]; citizenIds: readonly string[]; published: ReadonlySet<string> },
): Promise<{ violations: string[]; appeals: number; committedBeforeKill: number }> {
  const violations: string[] = [];
  const fail = (message: string) => violations.push(message);
  const citizens = sql.join(
    o.citizenIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

  const appeals = await db.execute<Row>(sql`
    select a.id, a.number, a.idempotency_key, a.author_id, a.kind, a.body_id, a.category, a.region, a.subject,
      a.text, a.publish_consent, a.locale, a.status, a.filed_at, p.visibility, p.log_seq
    from appeals a left join appeal_publications p on p.appeal_id = a.id
    where a.author_id in (${citizens})`);
  const files = await db.execute<Row>(sql`
    select f.appeal_id, f.file_name, f.mime_type, f.sha256, f.event_id from attachments f
    join appeals a on a.id = f.appeal_id where a.author_id in (${citizens})`);
  const byKey = new Map<string, Row[]>();
  for (const a of appeals)
    byKey.set(String(a.idempotency_key), [...(byKey.get(String(a.idempotency_key)) ?? []), a]);
  const filesOf = new Map<string, Row[]>();
  for (const f of files) filesOf.set(String(f.appeal_id), [...(filesOf.get(String(f.appeal_id)) ?? []), f]);

  // A re-encoded image is stored as other bytes than were sent, but always as the same bytes for one picture.
  const storedImage = new Map<number, string>();
  const submitted = new Set(o.submissions.map((s) => s.key));
  let committedBeforeKill = 0;
  for (const s of o.submissions) {
    const rows = byKey.get(s.key) ?? [];
    if (rows.length > 1) fail(`key ${s.key}: ${rows.length} appeals`);
    if (!s.ack) {
      if (rows.length > 0 && !s.refused) fail(`key ${s.key}: filed but never acknowledged`);
      continue;
    }
    const a = rows[0];
    if (!a) {
      fail(`${s.ack.number}: acknowledged but not in the database`);
      continue;
    }
    if (a.id !== s.ack.id || a.number !== s.ack.number)
      fail(`${s.ack.number}: acknowledged as ${s.ack.id}, stored as ${String(a.number)} ${String(a.id)}`);
    const expected = {
      author_id: s.citizenId,
      kind: s.fields.kind,
      body_id: s.fields.bodyId,
      category: s.fields.category,
      region: s.fields.region,
      subject: s.fields.subject,
      text: s.fields.text,
      publish_consent: s.fields.publishConsent,
      locale: s.fields.locale,
      status: "registered",
    };
    for (const [column, value] of Object.entries(expected))
      if (a[column] !== value) fail(`${s.ack.number}: ${column} differs from what was sent`);
    if (s.failedAttempts > 0 && s.lastAttemptAt && new Date(a.filed_at as Date) < s.lastAttemptAt)
      committedBeforeKill += 1;

    const stored = (filesOf.get(s.ack.id) ?? []).filter((f) => f.event_id === null);
    if (stored.length !== s.files.length)
      fail(`${s.ack.number}: ${stored.length} files stored, ${s.files.length} sent`);
    for (const sent of s.files) {
      const match = stored.find((f) => f.file_name === sent.fileName);
      if (!match) fail(`${s.ack.number}: file ${sent.fileName} missing`);
      else if (sent.imageVariant === null) {
        if (match.sha256 !== sent.sha256) fail(`${s.ack.number}: ${sent.fileName} stored with other bytes`);
      } else {
        const seen = storedImage.get(sent.imageVariant) ?? String(match.sha256);
        storedImage.set(sent.imageVariant, seen);
        if (match.sha256 !== seen) fail(`${s.ack.number}: image ${sent.fileName} stored differently`);
      }
    }

    const shouldBe = !s.fields.publishConsent ? null : o.published.has(s.ack.id) ? "published" : "pending";
    if ((a.visibility ?? null) !== shouldBe)
      fail(`${s.ack.number}: publication ${String(a.visibility)}, expected ${String(shouldBe)}`);
  }
  for (const [key, rows] of byKey)
    if (!submitted.has(key)) fail(`${rows.length} appeal(s) under key ${key} that no client sent`);

  // The register: per year the numbers 1…last, each once, and the counter at the last.
  const register = await db.execute<Row>(sql`
    select c.year, c.last, count(a.id)::int as count,
      count(distinct a.number)::int as distinct_numbers,
      coalesce(max(split_part(a.number, '-', 3)::int), 0) as max
    from appeal_number_counters c left join appeals a on split_part(a.number, '-', 2)::int = c.year
    group by c.year, c.last`);
  for (const y of register) {
    if (y.count !== y.distinct_numbers || y.count !== y.max || y.max !== y.last)
      fail(
        `register ${String(y.year)}: ${String(y.count)} appeals, ${String(y.distinct_numbers)} numbers, highest ${String(y.max)}, counter at ${String(y.last)}`,
      );
  }

  const checks: [string, ReturnType<typeof sql>][] = [
    [
      "files without their appeal",
      sql`select count(*)::int as n from attachments f left join appeals a on a.id = f.appeal_id where a.id is null`,
    ],
    [
      "files whose bytes do not match their hash or size",
      sql`select count(*)::int as n from attachments
        where encode(sha256(content), 'hex') <> sha256 or octet_length(content) <> size`,
    ],
    [
      "appeals without exactly one 'registered' event carrying their number",
      sql`select count(*)::int as n from appeals a where (select count(*) from appeal_events e
        where e.appeal_id = a.id and e.type = 'registered' and e.data->>'number' = a.number) <> 1`,
    ],
    [
      "appeals of an account without exactly one receipt notice",
      sql`select count(*)::int as n from appeals a where a.author_id is not null and (select count(*)
        from notifications n where n.appeal_id = a.id and n.type = 'registered') <> 1`,
    ],
    [
      "publications without consent",
      sql`select count(*)::int as n from appeal_publications p join appeals a on a.id = p.appeal_id
        where not a.publish_consent`,
    ],
    [
      "publication states not set by their log entry",
      sql`select count(*)::int as n from appeal_publications p left join moderation_log l on l.seq = p.log_seq
        where (p.visibility = 'pending') <> (p.log_seq is null)
          or (p.log_seq is not null and (l.appeal_id is distinct from p.appeal_id or l.action::text <> 'publish'))`,
    ],
    [
      "moderation log entries out of sequence",
      sql`select (count(*) - coalesce(max(seq), 0))::int as n from moderation_log`,
    ],
  ];
  for (const [what, query] of checks) {
    const [row] = await db.execute<{ n: number }>(query);
    if (row?.n) fail(`${row.n} ${what}`);
  }
  const [{ n: logged } = { n: 0 }] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from moderation_log`,
  );
  if (logged !== o.published.size)
    fail(`${logged} moderation log entries for ${o.published.size} acknowledged decisions`);

  return { violations, appeals: appeals.length, committedBeforeKill };
}
