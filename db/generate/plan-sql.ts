import { REGION_CODES } from "@/server/directory/regions";
import { ADDRESSED_SHARE, ADDRESSEE_PREFIX, PLACE_SHARE } from "./body-places";

/**
 * The plan of every generated appeal, computed set-based: one row per appeal with every moment of its
 * life (forwards, assignment, clarification, extension, answer, closing, rating, complaint), drawn from
 * per-body conduct and computed with the same deadline rules as the domain (calendar-functions.ts).
 * `u(k)` is the k-th independent uniform draw of the row. Nothing after `now` happens.
 */
const u = (k: number, row = "n") => `pg_temp.u(${row}, ${k})`;
const pick = (k: number, n: number) => `floor(${u(k)} * ${n})::int`;

export function basePicksSql(o: { appeals: number; tag: string; citizens: number; names: number }): string {
  const regions = `array[${REGION_CODES.map((r) => `'${r}'`).join(",")}]`;
  return `
create temp table gen_p1 on commit drop as
with picked as (
  select n::bigint as n, b.id as body_id, b.region as body_region, b.parent_id,
    b.categories[1 + floor(${u(2)} * cardinality(b.categories))::int]::text as category,
    b.name_kk as body_name_kk, b.name_ru as body_name_ru, pl.place_kk, pl.place_ru,
    fb.body_id as alt_body_id, mb.body_id as alt_body2_id
  from generate_series(1, ${Math.trunc(o.appeals)}) n
  join gen_body_buckets bb on bb.bucket = ${pick(1, 10000)}
  join gen_bodies b on b.id = bb.body_id
  left join gen_body_places pl on pl.id = b.id
  join gen_body_buckets fb on fb.bucket = ${pick(24, 10000)}
  join gen_body_buckets mb on mb.bucket = ${pick(25, 10000)}
), channelled as (
  select p.*,
    case when ${u(6, "p.n")} < 0.87 then 'online' when ${u(6, "p.n")} < 0.95 then 'assisted' else 'open311' end
      as channel
  from picked p
)
select p.n, md5('${o.tag}:' || p.n)::uuid as id, 1::smallint as phase, null::uuid as complaint_of,
  p.body_id, p.body_region, p.parent_id, p.category,
  case when ${u(4, "p.n")} < 0.55 then 'application' when ${u(4, "p.n")} < 0.65 then 'proposal'
    when ${u(4, "p.n")} < 0.77 then 'request' when ${u(4, "p.n")} < 0.87 then 'message'
    when ${u(4, "p.n")} < 0.92 then 'response' else 'complaint' end as kind,
  coalesce(p.body_region, (${regions})[1 + floor(${u(5, "p.n")} * ${REGION_CODES.length})::int]) as region,
  p.channel,
  case p.channel when 'online' then c.id when 'open311' then (select id from gen_roles where role = 'gateway') end
    as author_id,
  case when p.channel <> 'online' then nm.name end as applicant_name,
  case when p.channel = 'assisted' then (select id from gen_roles where role = 'operator') end as filed_by_id,
  ${u(8, "p.n")} < case p.channel when 'online' then 0.45 when 'assisted' then 0.2 else 0.3 end as publish_consent,
  t.subject as topic_subject,
  -- A written appeal opens with whom it is addressed to; on a web form most people skip that line. Most
  -- say where the matter is (body-places.ts).
  case when ${u(90, "p.n")} < ${ADDRESSED_SHARE} then case t.locale
    when 'kk' then '${ADDRESSEE_PREFIX.kk}' || p.body_name_kk else '${ADDRESSEE_PREFIX.ru}' || p.body_name_ru end || '. '
    else '' end || t.text
  || case when ${u(91, "p.n")} < ${PLACE_SHARE} and p.place_ru is not null
    then ' ' || case t.locale when 'kk' then p.place_kk else p.place_ru end else '' end as topic_text,
  t.locale,
  least(
    pg_temp.at_min(
      case when p.channel = 'assisted' then pg_temp.on_or_after(d.day) else d.day end,
      case when p.channel = 'assisted' then 540 + floor(${u(9, "p.n")} * 480) else 420 + floor(${u(9, "p.n")} * 960) end),
    $1::timestamptz - interval '1 minute') as filed_at,
  p.alt_body_id, p.alt_body2_id
from channelled p
join gen_day_buckets d on d.category = p.category and d.bucket = floor(${u(3, "p.n")} * 10000)::int
join gen_topics t on t.category = p.category and t.bucket = floor(${u(7, "p.n")} * 100)::int
left join gen_citizens c on c.idx = floor(${u(10, "p.n")} * ${Math.trunc(o.citizens)})::int
left join gen_names nm on nm.idx = floor(${u(11, "p.n")} * ${Math.trunc(o.names)})::int`;
}

/** The complaints: a new appeal to the superior body by the applicant who rated an answer "not resolved". */
export function complaintPicksSql(o: { appeals: number; tag: string; text: string }): string {
  return `
create temp table gen_p1c on commit drop as
select ${Math.trunc(o.appeals)} + row_number() over (order by p.n) as n,
  md5('${o.tag}:c:' || p.n)::uuid as id, 2::smallint as phase, p.id as complaint_of,
  p.parent_id as body_id, pb.region as body_region, pb.parent_id as parent_id, p.category,
  'complaint' as kind, p.region, 'online' as channel, p.author_id, null::text as applicant_name,
  null::uuid as filed_by_id, ${u(57, "p.n")} < 0.2 as publish_consent,
  null::text as topic_subject, '${o.text.replace(/'/g, "''")}'::text as topic_text, 'ru'::text as locale,
  p.complaint_at as filed_at, null::uuid as alt_body_id, null::uuid as alt_body2_id
from gen_p2 p join gen_bodies pb on pb.id = p.parent_id
where p.complaint_at is not null`;
}

/**
 * The life of each planned appeal. Mirrors the domain: forwardAppeal restarts the term at the competent
 * body, requestClarification stops it (policy), provideClarification gives back the working days waited,
 * extendAppealDeadline moves it once within two months, markOverdueAppeals marks silence past the term.
 */
// Every step below ends in OFFSET 0, which keeps PostgreSQL from folding it into the next: folded, each
// column computed from an inlined date function was pasted into every expression that reads it, and the
// chain grew to thousands of repeated draws and calendar look-ups per appeal (2 to 5 times the time).
// Kept apart, each step's columns are computed once per row, in a pipeline, with nothing stored.
export function timelineSql(o: { source: string; target: string; forwards: boolean; complaints: boolean }) {
  const now = "$1::timestamptz";
  return `
create temp table ${o.target} on commit drop as
with a0 as (
  select s.*, bp.late, bp.silent, bp.formality, bp.extend, bp.clarify, bp.forwarded, bp.satisfied, bp.refused,
    pg_temp.term(s.kind) as term, pg_temp.fwd_term(s.kind) as fwd_term,
    pg_temp.reg_date(s.filed_at) as reg_first,
    case when s.alt_body_id is distinct from s.body_id then s.alt_body_id else s.parent_id end as first_candidate
  from ${o.source} s join gen_body_params bp on bp.id = s.body_id offset 0
), a as (
  select a0.*,
    case when a0.alt_body2_id not in (a0.body_id, a0.first_candidate) then a0.alt_body2_id end as mid_candidate
  from a0 offset 0
), a2 as (
  select a.*,
    ${
      o.forwards
        ? `case when filed_at < ${now} - interval '30 days' and ${u(12)} < forwarded and first_candidate is not null
        then case when ${u(13)} < 0.15 and mid_candidate is not null then 2 else 1 end else 0 end`
        : "0"
    } as forwards
  from a offset 0
), f as (
  select a2.*,
    case when forwards >= 1 then first_candidate end as first_body_id,
    case when forwards = 2 then mid_candidate end as mid_body_id,
    case when forwards >= 1 then pg_temp.office(pg_temp.add_wd(reg_first,
      case when ${u(14)} < 0.9 then 1 + ${pick(15, 3)} else 4 + ${pick(15, 3)} end), ${u(16)}) end as fwd1_at
  from a2 offset 0
), f2 as (
  select f.*,
    case when forwards = 2 then pg_temp.office(pg_temp.add_wd(pg_temp.ld(fwd1_at), 1 + ${pick(17, 3)}), ${u(18)}) end
      as fwd2_at
  from f offset 0
), r as (
  select f2.*, coalesce(fwd2_at, fwd1_at, filed_at) as received_at,
    pg_temp.reg_date(coalesce(fwd2_at, fwd1_at, filed_at)) as reg_on,
    pg_temp.eod(pg_temp.add_wd(reg_first, term)) as due_first,
    case when forwards = 2 then pg_temp.reg_date(fwd1_at) end as reg_mid
  from f2 offset 0
), d as (
  select r.*, pg_temp.eod(pg_temp.add_wd(reg_on, term)) as due0,
    case when reg_mid is not null then pg_temp.eod(pg_temp.add_wd(reg_mid, term)) end as due_mid,
    case when ${u(19)} < 0.96 then pg_temp.office(pg_temp.add_wd(reg_on, 1), ${u(20)}) end as assign_plan,
    case when author_id is not null and ${u(21)} < clarify
      then pg_temp.office(pg_temp.add_wd(reg_on, 2 + ${pick(22, 3)}), ${u(23)}) end as clar_plan
  from r offset 0
), c as (
  select d.*,
    case when assign_plan <= ${now} then assign_plan end as assign_at,
    case when clar_plan <= ${now} and clar_plan <= due0 then clar_plan end as clar_req_at
  from d offset 0
), c2 as (
  select c.*,
    case when clar_req_at is not null and not (${u(30)} < 0.12 and clar_req_at > ${now} - interval '30 days')
      then pg_temp.office(pg_temp.add_wd(pg_temp.ld(clar_req_at), 1 + ${pick(31, 6)}), ${u(32)}) end as clar_resp_plan
  from c offset 0
), c3 as (
  select c2.*, case when clar_resp_plan <= ${now} then clar_resp_plan end as clar_resp_at from c2 offset 0
), c4 as (
  select c3.*,
    (clar_req_at is not null and clar_resp_at is null) as pending,
    case when clar_resp_at is not null
      then pg_temp.eod(pg_temp.add_wd(pg_temp.ld(due0),
        pg_temp.wd_between(pg_temp.ld(clar_req_at), pg_temp.ld(clar_resp_at))))
      else due0 end as due1
  from c3 offset 0
), e as (
  select c4.*,
    case when not pending and ${u(33)} < extend
      then pg_temp.office(pg_temp.add_wd(reg_on, 8 + ${pick(34, 4)}), ${u(35)}) end as ext_plan,
    least(pg_temp.add_wd(pg_temp.ld(due1), 5 + ${pick(36, 15)}),
      pg_temp.on_or_after((reg_on + interval '2 months')::date)) as ext_day
  from c4 offset 0
), e2 as (
  select e.*,
    case when ext_plan <= ${now} and ext_plan <= due1 and ext_plan > coalesce(clar_resp_at, received_at)
      and ext_day > pg_temp.ld(due1) then ext_plan end as ext_at
  from e offset 0
), e3 as (
  select e2.*,
    case when ext_at is not null then pg_temp.eod(ext_day) else due1 end as due_final,
    greatest(reg_on, pg_temp.ld(assign_at), pg_temp.ld(clar_resp_at), pg_temp.ld(ext_at)) as base_day
  from e2 offset 0
), w as (
  select e3.*,
    case
      when pending or ${u(40)} < silent then null
      when ${u(41)} < late then pg_temp.add_wd(pg_temp.ld(due_final), 1 + floor(${u(42)} ^ 2 * 25)::int)
      else pg_temp.add_wd(base_day, least(greatest(pg_temp.wd_between(base_day, pg_temp.ld(due_final)), 0),
        1 + floor(${u(43)} * greatest(pg_temp.wd_between(base_day, pg_temp.ld(due_final)), 0))::int))
    end as answer_day
  from e3 offset 0
), w2 as (
  select w.*,
    case when answer_day is not null then greatest(pg_temp.office(answer_day, ${u(44)}),
      greatest(received_at, assign_at, clar_resp_at, ext_at) + interval '10 minutes') end as answer_plan
  from w offset 0
), x as (
  select w2.*, case when answer_plan <= ${now} then answer_plan end as answered_at from w2 offset 0
), y as (
  select x.*,
    coalesce(answered_at <= due_final, false) as on_time,
    case when not pending and due_final + interval '5 minutes' <= ${now}
      and (answered_at is null or answered_at > due_final) then due_final + interval '5 minutes' end as overdue_at,
    case when answered_at is null then null
      when ${u(45)} < satisfied then 'satisfied'
      when ${u(45)} < satisfied + refused then 'refused' else 'partly_satisfied' end as decision,
    case when answered_at is not null and ${u(46)} < 0.5
      then pg_temp.office(pg_temp.add_wd(pg_temp.ld(answered_at), 1 + ${pick(47, 5)}), ${u(48)}) end as close_plan,
    case when answered_at is not null and author_id is not null and channel <> 'assisted' and ${u(49)} < 0.45
      then answered_at + make_interval(hours => 1 + ${pick(50, 240)}) end as rate_plan
  from x offset 0
), z as (
  select y.*,
    case when close_plan <= ${now} then close_plan end as closed_at,
    case when rate_plan <= ${now} then rate_plan end as rated_at
  from y offset 0
), z2 as (
  select z.*,
    case when rated_at is null then null
      when decision = 'satisfied' then case when ${u(51)} < 0.8 then 'resolved' when ${u(51)} < 0.95 then 'partly' else 'not_resolved' end
      when decision = 'partly_satisfied' then case when ${u(51)} < 0.2 then 'resolved' when ${u(51)} < 0.75 then 'partly' else 'not_resolved' end
      else case when ${u(51)} < 0.05 then 'resolved' when ${u(51)} < 0.25 then 'partly' else 'not_resolved' end
    end as outcome
  from z offset 0
)
select z2.*,
  case outcome when 'resolved' then 4 + ${pick(52, 2)} when 'partly' then 2 + ${pick(52, 3)} else 1 + ${pick(52, 3)} end
    as quality,
  ${u(53)} < case outcome when 'resolved' then 0.9 when 'partly' then 0.55 else 0.15 end as heard,
  ${
    o.complaints
      ? `case when outcome = 'not_resolved' and parent_id is not null and ${u(55)} < 0.35
      and rated_at + make_interval(hours => 1 + ${pick(56, 120)}) <= ${now}
      then rated_at + make_interval(hours => 1 + ${pick(56, 120)}) end`
      : "null::timestamptz"
  } as complaint_at,
  case when pending then 'awaiting_clarification' when closed_at is not null then 'closed'
    when answered_at is not null then 'answered'
    when assign_at is not null or clar_resp_at is not null then 'in_progress' else 'registered' end as status
from z2`;
}
