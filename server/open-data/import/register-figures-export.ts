import { z } from "zod";
import { CSV_BOM, csvField, csvLine } from "../csv";
import type { RegisterFigure, RegisterFigures } from "./register-figures";
import { RegisterMapping } from "./register-mapping";

/** The columns of the CSV of a register's figures, the contract docs/open-data.md describes. */
export const REGISTER_FIGURE_COLUMNS = [
  "source",
  "time_zone",
  "by",
  "key",
  "count",
  "closed",
  "closed_share",
  "hours_median",
  "hours_p90",
  "working_days_median",
  "working_days_p90",
  "working_days_provisional_years",
] as const;

/** The query of the exports: the register's name, as its mapping gave it. */
export const RegisterExportQuery = z.strictObject({ source: RegisterMapping.shape.source });

/**
 * One row for the whole register (`by` = all), then one per agency and one per service type. The years
 * whose working days were counted on a provisional calendar are on every row, so a row quoted alone
 * still says it.
 */
export function registerFiguresCsv(f: RegisterFigures): string {
  const provisional = f.provisionalYears.join(" ");
  const line = (by: string, r: RegisterFigure) =>
    csvLine([
      csvField(f.source),
      csvField(f.timeZone),
      by,
      // Names come from another system's file: defused like the public's free text.
      csvField(r.key, { text: true }),
      csvField(r.count),
      csvField(r.closed),
      csvField(r.closedShare),
      csvField(r.hoursMedian),
      csvField(r.hoursP90),
      csvField(r.workingDaysMedian),
      csvField(r.workingDaysP90),
      csvField(provisional),
    ]);
  return (
    CSV_BOM +
    csvLine([...REGISTER_FIGURE_COLUMNS]) +
    line("all", f.all) +
    f.byAgency.map((r) => line("agency", r)).join("") +
    f.byServiceType.map((r) => line("service_type", r)).join("")
  );
}
