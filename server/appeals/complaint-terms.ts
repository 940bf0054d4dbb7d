import type { WorkingCalendar } from "../deadlines/working-calendar";
import { almatyEndOfDay, type IsoDate } from "../deadlines/working-calendar";

/**
 * A legal term as data: its value, where it comes from, and whether that source was read in full. Terms
 * change by law; tests check the rules that use a term against the value here, never a number of their own.
 * docs/complaints.md gives the sources and what each says.
 */
export type LegalTerm = {
  value: number;
  unit: "working_days";
  source: string;
  /** confirmed: read in a stored copy of the law's text; provisional: commonly cited, not yet read in full. */
  status: "confirmed" | "provisional";
};

export const COMPLAINT_TERMS = {
  /**
   * APPC Art. 91(4): a complaint is filed with the body whose act (or silence) it challenges. That body
   * may satisfy it itself; otherwise it passes the complaint with the whole file to the body considering
   * complaints. The first sentence is confirmed; the number of working days it has for either is the
   * commonly cited three, from a paragraph no stored copy gave in full.
   */
  ownReview: {
    value: 3,
    unit: "working_days",
    source: "APPC (Code of the RK of 29 June 2020 No. 350-VI) Art. 91(4), second paragraph",
    status: "provisional",
  },
} as const satisfies Record<string, LegalTerm>;

/** The last moment the body complained about may satisfy the complaint itself or must pass it up. */
export function ownReviewDueAt(registeredOn: IsoDate, cal: WorkingCalendar): Date {
  return almatyEndOfDay(cal.addWorkingDays(registeredOn, COMPLAINT_TERMS.ownReview.value));
}
