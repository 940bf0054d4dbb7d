import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { FORMAL_MIN_COPIES } from "./answer-signature";
import { recordAnswerSignature } from "./record-answer-signature";

export type LabelledCase = {
  body: number;
  answeredAt: Date;
  text: string;
  subject: string;
  appealText: string;
  applicantName: string;
  formal: boolean;
};

export type Evaluation = {
  answers: number;
  labelledFormal: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
};

/**
 * Runs the formal-reply detector on a labelled set exactly as answers are counted in production: each
 * answer, in the order sent, is signed and counted by recordAnswerSignature in PostgreSQL. The appeals are
 * written to the database inside a transaction that is rolled back, so the set leaves nothing behind.
 */
export async function evaluateFormalReplies(db: Db, cases: readonly LabelledCase[]): Promise<Evaluation> {
  const ordered = [...cases].sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const rollback = new Error("labelled set: roll back");
  try {
    await db.transaction(async (tx) => {
      const bodies = await tx.execute<{ id: string }>(
        sql`select id from state_bodies order by code limit 50`,
      );
      for (const [i, c] of ordered.entries()) {
        const bodyId = bodies[c.body % bodies.length]?.id;
        if (!bodyId) throw new Error("no state bodies to place the labelled set in");
        const [row] = await tx.execute<{ id: string }>(sql`
          insert into appeals (number, kind, category, body_id, subject, text, applicant_name, registered_on, due_at)
          values (${`LBL-${i}`}, 'application', 'housing_utilities', ${bodyId}, ${c.subject}, ${c.appealText},
            ${c.applicantName}, ${c.answeredAt.toISOString().slice(0, 10)}, ${c.answeredAt.toISOString()})
          returning id`);
        const near = await recordAnswerSignature(tx, {
          appealId: row?.id as string,
          bodyId,
          answeredAt: c.answeredAt,
          text: c.text,
          appeal: { subject: c.subject, text: c.appealText, applicantName: c.applicantName },
        });
        const predicted = near >= FORMAL_MIN_COPIES;
        if (predicted && c.formal) tp++;
        else if (predicted) fp++;
        else if (c.formal) fn++;
      }
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  const labelledFormal = cases.filter((c) => c.formal).length;
  return {
    answers: cases.length,
    labelledFormal,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : 1,
    recall: tp + fn > 0 ? tp / (tp + fn) : 1,
  };
}
