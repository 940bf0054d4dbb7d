/**
 * Writes the plan (gen_plan) into the service's tables, as the domain functions would have: the appeals
 * with their final state, their history in appeal_events in the order it happened (ids increase with
 * time, as the metrics refresh assumes), the answers and the ratings.
 */
const u = (k: number) => `pg_temp.u(p.n, ${k})`;
const iso = (t: string) => `pg_temp.iso(${t})`;

// As appealNumberSql (server/appeals/appeal-number.ts) writes them: six digits at least, more past
// 999 999, which a year of the country's appeals passes (lpad alone would cut the seventh digit).
export const numbersSql = `
create temp table gen_numbers on commit drop as
select id, y, 'ЖТ-' || y || '-' || lpad(seq::text, greatest(6, length(seq::text)), '0') as number
from (select p.id, p.y,
    row_number() over (partition by p.y order by p.filed_at, p.n) + coalesce(c.last, 0) as seq
  from (select id, n, filed_at, extract(year from pg_temp.ld(filed_at))::int as y from gen_plan) p
  left join appeal_number_counters c on c.year = p.y) numbered`;

export const countersSql = `
insert into appeal_number_counters (year, last)
select y, count(*) from gen_numbers group by y
on conflict (year) do update set last = appeal_number_counters.last + excluded.last`;

export const appealsSql = `
insert into appeals (id, number, kind, status, category, region, body_id, subject, text, author_id,
  applicant_name, anonymous, channel, filed_by_id, consent_recorded_at, access_code_hash, publish_consent,
  latitude, longitude, location_text, locale, executor_id, complaint_of_id, filed_at, registered_on,
  received_at, due_at, extended_at, paused_at, overdue_at, answered_at, closed_at, forward_count, request_hash)
select p.id, num.number, p.kind::appeal_kind, p.status::appeal_status, p.category::appeal_category, p.region,
  p.body_id,
  -- A complaint's subject names the appeal complained of: looked up for the complaints alone (a join
  -- of the whole plan to itself hashed gigabytes at 5M).
  coalesce(p.topic_subject, (select left(onum.number || ': ' || orig.topic_subject, 200)
    from gen_plan orig join gen_numbers onum on onum.id = orig.id where orig.id = p.complaint_of)),
  p.topic_text, p.author_id, p.applicant_name, false, p.channel::appeal_channel, p.filed_by_id,
  case when p.channel = 'assisted' then p.filed_at end,
  case when p.channel = 'assisted' then encode(sha256(convert_to('access:' || p.id, 'UTF8')), 'hex') end,
  p.publish_consent,
  case when p.channel = 'open311' then rc.lat + (${u(26)} - 0.5) * 0.1 end,
  case when p.channel = 'open311' then rc.long + (${u(27)} - 0.5) * 0.1 end,
  case when p.channel = 'open311' then 'ул. Абая, ' || (1 + floor(${u(28)} * 150))::int end,
  p.locale,
  case when p.assign_at is not null then o.id end,
  p.complaint_of, p.filed_at, p.reg_on, p.received_at, p.due_final, p.ext_at,
  case when p.pending then p.clar_req_at end,
  p.overdue_at, p.answered_at, p.closed_at, p.forwards,
  encode(sha256(convert_to('request:' || p.id, 'UTF8')), 'hex')
from gen_plan p
join gen_numbers num on num.id = p.id
join gen_officials o on o.body_id = p.body_id
left join gen_region_centres rc on rc.region = p.region
order by p.filed_at`;

/** Every event of every appeal, each with the data its domain function writes. */
export const eventsSql = `
insert into appeal_events (appeal_id, type, actor_id, actor_role, body_id, occurred_at, data)
select appeal_id, type, actor_id, actor_role, body_id, occurred_at, data from (
  select p.id as appeal_id, 'registered' as type, coalesce(p.filed_by_id, p.author_id) as actor_id,
    case when p.filed_by_id is not null then 'operator' when p.author_id is not null then 'citizen' else 'system' end
      as actor_role,
    coalesce(p.first_body_id, p.body_id) as body_id, p.filed_at as occurred_at, 1 as ord,
    jsonb_build_object('number', num.number, 'registeredOn', p.reg_first, 'dueAt', ${iso("p.due_first")},
      'channel', p.channel, 'attachments', 0)
      || case when p.complaint_of is not null then jsonb_build_object('complaintOf', p.complaint_of) else '{}' end
      as data
  from gen_plan p join gen_numbers num on num.id = p.id
  union all
  select p.id, 'forwarded', o.id, 'official', p.first_body_id, p.fwd1_at, 2,
    jsonb_build_object('from', p.first_body_id, 'to', coalesce(p.mid_body_id, p.body_id), 'reason', $1::text,
      'dueAt', ${iso("coalesce(p.due_mid, p.due0)")}, 'previousDueAt', ${iso("p.due_first")},
      'forwardBy', ${iso("pg_temp.eod(pg_temp.add_wd(p.reg_first, p.fwd_term))")},
      'onTime', p.fwd1_at <= pg_temp.eod(pg_temp.add_wd(p.reg_first, p.fwd_term)))
  from gen_plan p join gen_officials o on o.body_id = p.first_body_id where p.forwards >= 1
  union all
  select p.id, 'forwarded', o.id, 'official', p.mid_body_id, p.fwd2_at, 3,
    jsonb_build_object('from', p.mid_body_id, 'to', p.body_id, 'reason', $1::text,
      'dueAt', ${iso("p.due0")}, 'previousDueAt', ${iso("p.due_mid")},
      'forwardBy', ${iso("pg_temp.eod(pg_temp.add_wd(p.reg_mid, p.fwd_term))")},
      'onTime', p.fwd2_at <= pg_temp.eod(pg_temp.add_wd(p.reg_mid, p.fwd_term)))
  from gen_plan p join gen_officials o on o.body_id = p.mid_body_id where p.forwards = 2
  union all
  select p.id, 'assigned', o.id, 'official', p.body_id, p.assign_at, 4,
    jsonb_build_object('executorId', o.id, 'executorName', o.full_name)
  from gen_plan p join gen_officials o on o.body_id = p.body_id where p.assign_at is not null
  union all
  select p.id, 'clarification_requested', o.id, 'official', p.body_id, p.clar_req_at, 5,
    jsonb_build_object('question', $2::text, 'pausesClock', true)
  from gen_plan p join gen_officials o on o.body_id = p.body_id where p.clar_req_at is not null
  union all
  select p.id, 'clarification_provided', p.author_id, 'citizen', p.body_id, p.clar_resp_at, 6,
    jsonb_build_object('reply', $3::text, 'dueAt', ${iso("p.due1")}, 'previousDueAt', ${iso("p.due0")},
      'attachments', 0)
  from gen_plan p where p.clar_resp_at is not null
  union all
  select p.id, 'deadline_extended', o.id, 'official', p.body_id, p.ext_at, 7,
    jsonb_build_object('from', ${iso("p.due1")}, 'to', ${iso("p.due_final")}, 'reason', $4::text,
      'decidedBy', $5::text, 'citizenNoticeBy', ${iso("pg_temp.eod(pg_temp.add_wd(pg_temp.ld(p.ext_at), 3))")},
      'citizenNotifiedAt', ${iso("p.ext_at")})
  from gen_plan p join gen_officials o on o.body_id = p.body_id where p.ext_at is not null
  union all
  select p.id, 'deadline_missed', null, 'system', p.body_id, p.overdue_at, 8,
    jsonb_build_object('dueAt', ${iso("p.due_final")})
  from gen_plan p where p.overdue_at is not null
  union all
  select p.id, 'supervisor_alerted', null, 'system', p.parent_id, p.overdue_at, 9,
    jsonb_build_object('supervisorBodyId', p.parent_id, 'officials', 1)
  from gen_plan p where p.overdue_at is not null and p.parent_id is not null
  union all
  select p.id, 'answered', o.id, 'official', p.body_id, p.answered_at, 10,
    jsonb_build_object('decision', p.decision, 'onTime', p.on_time, 'attachments', 0)
  from gen_plan p join gen_officials o on o.body_id = p.body_id where p.answered_at is not null
  union all
  select p.id, 'closed', o.id, 'official', p.body_id, p.closed_at, 11, '{}'::jsonb
  from gen_plan p join gen_officials o on o.body_id = p.body_id where p.closed_at is not null
  union all
  select p.id, 'rated', p.author_id, 'citizen', p.body_id, p.rated_at, 12,
    jsonb_build_object('outcome', p.outcome, 'quality', p.quality, 'heard', p.heard)
  from gen_plan p where p.rated_at is not null
  union all
  select c.complaint_of, 'complaint_filed', c.author_id, 'citizen', orig.body_id, c.filed_at, 13,
    jsonb_build_object('complaintId', c.id, 'toBodyId', c.body_id, 'grounds', 'answer')
  from gen_plan c join gen_plan orig on orig.id = c.complaint_of
) e
order by occurred_at, ord`;

export const answersSql = `
insert into appeal_answers (appeal_id, body_id, decision, text, legal_grounds, appeal_rights, answered_by_id,
  answered_at, on_time)
select p.id, p.body_id, p.decision::answer_decision,
  case when ${u(60)} < p.formality then $1::text || (1 + floor(${u(61)} * 3))::int
    else replace(replace(replace(replace(replace(
      ($2::text[])[1 + floor(${u(62)} * 12)::int] || ' ' || ($3::text[])[1 + floor(${u(63)} * 12)::int] || ' '
      || ($4::text[])[1 + floor(${u(64)} * 12)::int] || ' ' || ($5::text[])[1 + floor(${u(65)} * 12)::int],
      '{n}', num.number), '{r}', to_char(p.reg_on, 'DD.MM.YYYY')),
      '{d}', to_char(pg_temp.ld(p.answered_at), 'DD.MM.YYYY')),
      '{f}', to_char(pg_temp.ld(p.answered_at) + 7 + floor(${u(66)} * 60)::int, 'DD.MM.YYYY')),
      '{k}', (2 + floor(${u(67)} * 40))::int::text) end,
  case p.decision when 'satisfied' then $6::text when 'partly_satisfied' then $7::text else $8::text end,
  $9::text, o.id, p.answered_at, p.on_time
from gen_plan p join gen_officials o on o.body_id = p.body_id join gen_numbers num on num.id = p.id
where p.answered_at is not null
-- In the order they were sent, as the service writes them. In the plan's order, each answer's appeal (in
-- filing order) lay on a page of its own: signing them, which reads each answer's appeal, read the whole
-- of appeals at random, a page per answer once 5M appeals no longer fit in memory.
order by p.answered_at`;

export const ratingsSql = `
insert into appeal_ratings (appeal_id, outcome, quality, heard, rated_at)
select p.id, p.outcome::rating_outcome, p.quality, p.heard, p.rated_at from gen_plan p where p.rated_at is not null`;

/**
 * What moderators decided about each appeal whose author consented to publication, as a list of log
 * entries in time order: most published, some redacted or declined; a few published ones hidden later;
 * some declines contested, and some of those reversed by another moderator.
 */
export const moderationPlanSql = `
with m as (
  select p.n, p.id, num.number, p.author_id, p.filed_at,
    case when ${u(70)} < 0.8 then 'publish' when ${u(70)} < 0.9 then 'publish_redacted' else 'decline' end as first,
    p.filed_at + make_interval(hours => 2 + floor(${u(71)} * 46)::int) as decided_at,
    floor(${u(72)} * $2::int)::int as moderator,
    ${u(73)} as u_hide, ${u(74)} as u_contest, ${u(75)} as u_reverse, ${u(76)} as u_ground,
    make_interval(days => 1 + floor(${u(77)} * 30)::int) as hide_after,
    make_interval(days => 1 + floor(${u(78)} * 5)::int) as contest_after,
    make_interval(days => 1 + floor(${u(79)} * 5)::int) as decide_after,
    1 + floor(${u(80)} * ($2::int - 1))::int as other
  from gen_plan p join gen_numbers num on num.id = p.id
  where p.publish_consent
)
select id, number, author_id, action, at, moderator, ground, contested_at, ord from (
  select id, number, author_id, first as action, decided_at as at, moderator,
    case when u_ground < 0.5 then 'duplicate' else 'not_an_appeal' end as ground,
    null::timestamptz as contested_at, 1 as ord
  from m where decided_at <= $1::timestamptz
  union all
  select id, number, author_id, 'hide', decided_at + hide_after, (moderator + other) % $2::int,
    case when u_ground < 0.5 then 'threats' else 'insults_or_obscenity' end, null, 2
  from m where first <> 'decline' and u_hide < 0.02 and decided_at + hide_after <= $1::timestamptz
  union all
  select id, number, author_id, case when u_reverse < 0.4 then 'contest_reversed' else 'contest_upheld' end,
    decided_at + contest_after + decide_after, (moderator + other) % $2::int,
    case when u_ground < 0.5 then 'duplicate' else 'not_an_appeal' end, decided_at + contest_after, 3
  from m where first = 'decline' and u_contest < 0.25
    and decided_at + contest_after + decide_after <= $1::timestamptz
) e
order by at, ord, id`;
