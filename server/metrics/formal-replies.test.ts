import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { labelledAnswers } from "@/db/generate/labelled-answers";
import { useTestDatabase } from "@/test/database";
import { estimatedSimilarity, normaliseAnswer, signAnswer } from "./answer-signature";
import { evaluateFormalReplies } from "./evaluate-formal-replies";
import { recordAnswerSignature, signUnsignedAnswers } from "./record-answer-signature";

describe("formal replies", () => {
  const db = useTestDatabase();

  it("takes the appeal's subject, quotes, names, numbers, dates and addresses out of an answer", () => {
    const words = normaliseAnswer(
      "Уважаемая Ольга Петрова! Ваше обращение «Ремонт дороги» от 12.03.2026 № ЖТ-2026-000123 рассмотрено. " +
        "Вы пишете: «во дворе яма». Работы по адресу ул. Абая, д. 5 включены в план.",
      { subject: "Ремонт дороги", applicantName: "Ольга Петрова" },
    );
    expect(words.join(" ")).toBe(
      "уважаемая ваше обращение от рассмотрено вы пишете работы по адресу ул включены план",
    );
  });

  it("gives one template filled in for two citizens the same signature, and different answers different ones", () => {
    const template = (name: string, subject: string, date: string) =>
      `Уважаемый ${name}! Ваше обращение «${subject}» от ${date} рассмотрено. Вопрос будет рассмотрен при формировании бюджета на следующий год. Контроль возложен на отдел жилищно-коммунального хозяйства.`;
    const a = signAnswer(
      template("Сергей Иванов", "Свет во дворе", "01.02.2026"),
      { subject: "Свет во дворе" },
      "b",
    );
    const b = signAnswer(
      template("Данияр Қасымов", "Яма на дороге", "17.09.2026"),
      { subject: "Яма на дороге" },
      "b",
    );
    const c = signAnswer(
      "Уважаемый Сергей Иванов! Бригада заменила четыре светильника во дворе, освещение работает с 3 февраля.",
      {},
      "b",
    );
    expect(estimatedSimilarity(a.minhash, b.minhash)).toBe(1);
    expect(a.bands).toEqual(b.bands);
    expect(estimatedSimilarity(a.minhash, c.minhash)).toBeLessThan(0.2);
    // The same text in another body never shares a band: candidates are found per body.
    expect(
      signAnswer(template("Сергей Иванов", "x", "y"), {}, "other").bands.some((x) => a.bands.includes(x)),
    ).toBe(false);
  });

  it("meets recall ≥ 0.9 at precision ≥ 0.9 on a labelled set from the generator", async () => {
    const result = await evaluateFormalReplies(db(), labelledAnswers({ answers: 400, bodies: 3, seed: 7 }));
    expect(result.labelledFormal).toBeGreaterThan(50);
    expect(result.answers - result.labelledFormal).toBeGreaterThan(150);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it("counts answers signed in bulk exactly as it counts them one by one when sent", async () => {
    const cases = labelledAnswers({ answers: 120, bodies: 2, seed: 3 });
    const firstHalf = [...cases].sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime())[60]
      ?.answeredAt;
    const [body] = await db().execute<{ id: string }>(sql`select id from state_bodies order by code limit 1`);
    const user = await db().execute<{ id: string }>(sql`
      insert into users (email, full_name, password_hash) values ('bulk@example.kz', 'Bulk', 'x') returning id`);
    for (const [i, c] of cases.entries()) {
      const [row] = await db().execute<{ id: string }>(sql`
        insert into appeals (number, kind, category, body_id, subject, text, applicant_name, registered_on, due_at, status, answered_at)
        values (${`BULK-${i}`}, 'application', 'housing_utilities', ${body?.id}, ${c.subject}, ${c.appealText},
          ${c.applicantName}, '2026-01-05', ${c.answeredAt.toISOString()}, 'answered', ${c.answeredAt.toISOString()})
        returning id`);
      await db().execute(sql`
        insert into appeal_answers (appeal_id, body_id, decision, text, legal_grounds, appeal_rights, answered_by_id, answered_at, on_time)
        values (${row?.id}, ${body?.id}, 'explained', ${c.text}, 'APPC Art. 76', 'To the superior body within 3 months.',
          ${user[0]?.id}, ${c.answeredAt.toISOString()}, true)`);
    }
    // The earlier half is signed as it was sent; the bulk pass counts the rest against it.
    const sent = cases
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => firstHalf && c.answeredAt < firstHalf)
      .sort((a, b) => a.c.answeredAt.getTime() - b.c.answeredAt.getTime());
    for (const { c, i } of sent) {
      const [row] = await db().execute<{ id: string }>(
        sql`select id from appeals where number = ${`BULK-${i}`}`,
      );
      await recordAnswerSignature(db(), {
        appealId: row?.id as string,
        bodyId: body?.id as string,
        answeredAt: c.answeredAt,
        text: c.text,
        appeal: { subject: c.subject, text: c.appealText, applicantName: c.applicantName },
      });
    }
    expect(sent.length).toBeGreaterThan(40);
    expect(await signUnsignedAnswers(db())).toBe(cases.length - sent.length);
    const bulk = await db().execute<{ n: number }>(sql`
      select s.near_copies as n from answer_signatures s join appeals a on a.id = s.appeal_id
      where a.number like 'BULK-%' order by s.answered_at, s.appeal_id`);
    // One by one, in the order sent, on a single body: the same counts.
    const oneByOne = await evaluateCounts(cases);
    expect(bulk.map((r) => Number(r.n))).toEqual(oneByOne);
    expect(oneByOne.filter((n) => n >= 2).length).toBeGreaterThan(10);
  }, 120_000);

  it("signs in bulk under a role that may not skip the reference checks, and leaves the role as it was", async () => {
    const [body] = await db().execute<{ id: string }>(sql`select id from state_bodies order by code limit 1`);
    const [user] = await db().execute<{ id: string }>(sql`
      insert into users (email, full_name, password_hash) values ('signer@example.kz', 'Signer', 'x') returning id`);
    const answer = async (n: number) => {
      const [appeal] = await db().execute<{ id: string }>(sql`
        insert into appeals (number, kind, category, body_id, subject, text, registered_on, due_at, status, answered_at)
        values (${`ROLE-${n}`}, 'application', 'housing_utilities', ${body?.id}, 'Свет', 'Нет света во дворе',
          '2026-01-05', '2026-02-01', 'answered', '2026-01-20')
        returning id`);
      await db().execute(sql`
        insert into appeal_answers (appeal_id, body_id, decision, text, legal_grounds, appeal_rights, answered_by_id, answered_at, on_time)
        values (${appeal?.id}, ${body?.id}, 'explained', 'Светильники заменены.', 'APPC Art. 76',
          'To the superior body within 3 months.', ${user?.id}, '2026-01-20', true)`);
    };
    await db().execute(sql`
      do $$ begin
        if not exists (select from pg_roles where rolname = 'tyndau_test_signer') then create role tyndau_test_signer; end if;
      end $$`);
    await db().execute(sql`grant all on all tables in schema public to tyndau_test_signer`);
    const role = sql`select current_setting('session_replication_role') as role`;

    await answer(1);
    const asSigner = await db().transaction(async (tx) => {
      await tx.execute(sql`set local role tyndau_test_signer`);
      const signed = await signUnsignedAnswers(tx);
      return { signed, role: (await tx.execute<{ role: string }>(role))[0]?.role };
    });
    expect(asSigner).toEqual({ signed: 1, role: "origin" });

    // A superuser skips the checks for the insert alone: the rest of a rebuild's transaction has them.
    await answer(2);
    const asOwner = await db().transaction(async (tx) => {
      const signed = await signUnsignedAnswers(tx);
      return { signed, role: (await tx.execute<{ role: string }>(role))[0]?.role };
    });
    expect(asOwner).toEqual({ signed: 1, role: "origin" });
    const [count] = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from answer_signatures s join appeals a on a.id = s.appeal_id
      where a.number like 'ROLE-%'`);
    expect(count?.n).toBe(2);
  });

  /** near_copies of each case, counted in memory from the signatures: the definition, pair by pair. */
  async function evaluateCounts(cases: ReturnType<typeof labelledAnswers>): Promise<number[]> {
    const signed = cases
      .map((c) => ({
        at: c.answeredAt.getTime(),
        sig: signAnswer(
          c.text,
          { subject: c.subject, text: c.appealText, applicantName: c.applicantName },
          "x",
        ),
      }))
      .sort((a, b) => a.at - b.at);
    return signed.map((s, i) =>
      Math.min(
        2,
        signed
          .slice(0, i)
          .filter((o) => o.at >= s.at - 90 * 86_400_000)
          .filter((o) => o.sig.bands.some((b) => s.sig.bands.includes(b)))
          .filter((o) => estimatedSimilarity(o.sig.minhash, s.sig.minhash) >= 0.5).length,
      ),
    );
  }
});
