import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { answerDecision, ratingOutcome, stateBodies } from "@/db/schema";
import { type AnswerFigures, exportAnswerFigures } from "./answer-figures";
import type { ExportRow } from "./export-metrics";
import { shareOf } from "./export-rate";
import type { Period } from "./period";

function flatten(f: AnswerFigures): ExportRow {
  const row: ExportRow = { answered: f.answered };
  for (const d of answerDecision.enumValues) row[d] = f.decisions[d];
  for (const d of answerDecision.enumValues)
    for (const v of ratingOutcome.enumValues) row[`${d}__${v}`] = f.claimed[d][v];
  return {
    ...row,
    rated: f.rated,
    satisfied_rated: f.satisfiedRated,
    satisfied_not_resolved: f.satisfiedNotResolved,
    came_back: f.cameBack,
    came_back_base: f.cameBackBase,
    came_back_counted_at: f.cameBackCountedAt,
    checked: f.checked,
    lawful_language: f.lawfulLanguage,
    names_legal_ground: f.namesLegalGround,
    formal: f.formal,
    ...Object.fromEntries(
      answerDecision.enumValues.map((d) => [`${d}_share`, shareOf(f.decisions[d], f.answered)]),
    ),
    satisfied_not_resolved_share: shareOf(f.satisfiedNotResolved, f.satisfiedRated),
    came_back_share: shareOf(f.cameBack, f.cameBackBase),
    lawful_language_share: shareOf(f.lawfulLanguage, f.checked),
    names_legal_ground_share: shareOf(f.namesLegalGround, f.checked),
    formal_share: shareOf(f.formal, f.answered),
  };
}

const EMPTY: AnswerFigures = {
  answered: 0,
  decisions: Object.fromEntries(answerDecision.enumValues.map((d) => [d, 0])) as AnswerFigures["decisions"],
  claimed: Object.fromEntries(
    answerDecision.enumValues.map((d) => [d, { resolved: 0, partly: 0, not_resolved: 0 }]),
  ) as AnswerFigures["claimed"],
  rated: 0,
  satisfiedRated: 0,
  satisfiedNotResolved: 0,
  cameBack: 0,
  cameBackBase: 0,
  cameBackCountedAt: null,
  checked: 0,
  lawfulLanguage: 0,
  namesLegalGround: 0,
  formal: 0,
};

export function answerExportColumns(by: "body" | "region"): string[] {
  const scope =
    by === "body" ? ["body_code", "body_name_kk", "body_name_ru", "body_name_en", "region"] : ["region"];
  return ["from", "to", ...scope, ...Object.keys(flatten(EMPTY))];
}

/** What the answers say, per body or region over the period: the open-data twin of the body pages. */
export async function exportAnswers(
  db: Db,
  o: { period: Period; by: "body" | "region" },
): Promise<ExportRow[]> {
  const groups = await exportAnswerFigures(db, o);
  const ids = groups.map((g) => g.key).filter((k): k is string => k !== null);
  const bodies =
    o.by === "body" && ids.length > 0
      ? await db
          .select({
            id: stateBodies.id,
            code: stateBodies.code,
            region: stateBodies.region,
            nameKk: stateBodies.nameKk,
            nameRu: stateBodies.nameRu,
            nameEn: stateBodies.nameEn,
          })
          .from(stateBodies)
          .where(inArray(stateBodies.id, ids))
      : [];
  const byId = new Map(bodies.map((b) => [b.id, b]));
  return groups
    .map(({ key, ...f }) => {
      const body = key ? byId.get(key) : undefined;
      const scope: ExportRow =
        o.by === "body"
          ? {
              body_code: body?.code ?? null,
              body_name_kk: body?.nameKk ?? null,
              body_name_ru: body?.nameRu ?? null,
              body_name_en: body?.nameEn ?? null,
              region: body?.region ?? null,
            }
          : { region: key };
      const row: ExportRow = { from: o.period.from, to: o.period.to, ...scope, ...flatten(f) };
      return row;
    })
    .sort((a, b) =>
      String(a.body_code ?? a.region ?? "").localeCompare(String(b.body_code ?? b.region ?? "")),
    );
}
