import { csvField, csvLine } from "../open-data/csv";
import type { PublishedRound } from "./get-published-round";

/**
 * The round's sample and grades as CSV, one line per grader and sampled answer: the item's number, its
 * body, the appeal's round token and place in the body's population, the grader's pseudonym and one
 * column per rubric item. The appeal appears only by its round token: no number, no text, no person.
 */
export function roundCsv(round: PublishedRound): string {
  const keys = round.rubric.map((r) => r.key);
  const head = csvLine(
    ["item", "body_code", "appeal_number", "population_index", "grader", ...keys].map((v) => csvField(v)),
  );
  const lines = round.sample.flatMap((i) =>
    i.grades.map((g) =>
      csvLine([
        csvField(i.label),
        csvField(i.bodyCode),
        csvField(i.token),
        csvField(i.populationIndex),
        csvField(g.grader),
        ...keys.map((k) => csvField(g.scores[k] ?? null)),
      ]),
    ),
  );
  return head + lines.join("");
}

/** The same, with everything needed to re-draw the sample and recompute the results, as JSON. */
export function roundJson(round: PublishedRound) {
  return {
    round: {
      id: round.id,
      title: round.title,
      period: { from: round.periodFrom, to: round.periodTo },
      marginOfError: round.marginOfError,
      confidence: round.confidence,
      rubricVersion: round.rubricVersion,
      seed: round.seed,
      seedSha256: round.seedSha256,
      sampleSha256: round.sampleSha256,
      commitLogEntry: round.commitSeq,
      revealLogEntry: round.revealSeq,
      openedAt: round.openedAt,
      drawnAt: round.drawnAt,
      closedAt: round.closedAt,
    },
    rubric: round.rubric,
    strata: round.strata,
    sample: round.sample,
    agreement: round.agreement,
    results: round.perBody.map((b) => ({
      body: b.body,
      population: b.population,
      sampled: b.sampled,
      items: b.items,
      figures: b.figures,
    })),
  };
}
