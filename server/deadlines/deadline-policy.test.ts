import { describe, expect, it } from "vitest";
import { calendarDaysOfYears } from "../calendar/calendar-facts";
import {
  APPC_DEFAULT_POLICIES,
  APPEAL_KINDS,
  considerationDueAt,
  type DeadlinePolicy,
  extendDeadline,
  forwardingDueAt,
  latestExtensionDueAt,
  registrationDate,
  reminderDate,
  resumeAfterPause,
  workingDaysLeft,
} from "./deadline-policy";
import { WorkingCalendar } from "./working-calendar";

const cal = new WorkingCalendar(calendarDaysOfYears(2024, 2030));
const policy = APPC_DEFAULT_POLICIES.application;

/** An instant given as Almaty wall-clock time (UTC+5), e.g. local("2025-03-11 18:29"). */
function local(dateTime: string): Date {
  return new Date(`${dateTime.replace(" ", "T")}:00+05:00`);
}

/** The instant that ends local day `d`: 23:59:59.999 in Almaty is 18:59:59.999 UTC. */
function endOf(d: string): Date {
  return new Date(`${d}T18:59:59.999Z`);
}

// Calendars used below (Kazakhstan, five-day week; * = not worked).
//
// March 2025                 April 2025               December 2025          January 2026
// Mo Tu We Th Fr Sa Su       Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su   Mo Tu We Th Fr Sa Su
//                 1  2           1  2  3  4  5  6      1  2  3  4  5  6  7             1* 2* 3  4
//  3  4  5  6  7  8* 9        7  8  9 10 11 12 13      8  9 10 11 12 13 14    5  6  7* 8  9 10 11
// 10*11 12 13 14 15 16       14 15 16 17 18 19 20     15 16*17 18 19 20 21   12 13 14 15 16 17 18
// 17 18 19 20 21*22*23*      21 22 23 24 25 26 27     22 23 24 25 26 27 28   19 20 21 22 23 24 25
// 24*25*26 27 28 29 30       28 29 30                 29 30 31
// 31
// 8 March (Sat) is carried to Mon 10; Nauryz 21–23 (Fri–Sun) leaves Mon 24 and Tue 25 off.

describe("APPC_DEFAULT_POLICIES", () => {
  it.each(APPEAL_KINDS)("%s: 15 working days, two months at most, 3-day notices, no pause", (kind) => {
    const expected: DeadlinePolicy = {
      kind,
      considerationWorkingDays: 15,
      extensionMaxCalendarMonths: 2,
      extensionNoticeWorkingDays: 3,
      forwardingWorkingDays: 3,
      clarificationPausesClock: false,
    };
    expect(APPC_DEFAULT_POLICIES[kind]).toEqual(expected);
  });
});

describe("registrationDate", () => {
  it("registers during working hours on the same day", () => {
    expect(registrationDate(local("2025-03-11 10:00"), cal)).toBe("2025-03-11");
  });

  it("registers at 18:29 the same day, at 18:30 and 18:31 the next working day", () => {
    expect(registrationDate(local("2025-03-11 18:29"), cal)).toBe("2025-03-11");
    expect(registrationDate(local("2025-03-11 18:30"), cal)).toBe("2025-03-12");
    expect(registrationDate(local("2025-03-11 18:31"), cal)).toBe("2025-03-12");
  });

  it("registers before opening time on that working day", () => {
    expect(registrationDate(local("2025-03-11 07:15"), cal)).toBe("2025-03-11");
  });

  it("uses the Almaty date, not the UTC date", () => {
    // 19:30 UTC on Tuesday 11 March is 00:30 on Wednesday 12 in Almaty: registered Wednesday, not
    // Tuesday (the UTC date) and not Thursday (as if out of hours on the 11th).
    expect(registrationDate(new Date("2025-03-11T19:30:00Z"), cal)).toBe("2025-03-12");
  });

  it("registers a weekend appeal on Monday", () => {
    expect(registrationDate(local("2025-03-15 12:00"), cal)).toBe("2025-03-17"); // Saturday
    expect(registrationDate(local("2025-03-14 19:00"), cal)).toBe("2025-03-17"); // Friday evening
  });

  it("skips a holiday carried over to Monday", () => {
    // Fri 7 March 18:45 → Sat 8 (holiday), Sun 9, Mon 10 (carried day off) → Tue 11.
    expect(registrationDate(local("2025-03-07 18:45"), cal)).toBe("2025-03-11");
  });

  it("registers on 31 December itself during working hours", () => {
    expect(registrationDate(local("2025-12-31 10:00"), cal)).toBe("2025-12-31");
  });

  it("registers a 31 December late-evening appeal after the New Year holidays", () => {
    // 2025: Wed 31 → Thu 1 and Fri 2 holidays, Sat 3, Sun 4 → Mon 5 January 2026.
    expect(registrationDate(local("2025-12-31 23:00"), cal)).toBe("2026-01-05");
    // 2024: Tue 31 → Wed 1, Thu 2 holidays, Fri 3 transferred off, Sat 4 → Sun 5 January 2025, worked by transfer.
    expect(registrationDate(local("2024-12-31 23:00"), cal)).toBe("2025-01-05");
    // 2026: Thu 31 → Fri 1 holiday, Sat 2 holiday carried to Mon 4, Sun 3 → Tue 5 January 2027.
    expect(registrationDate(local("2026-12-31 23:00"), cal)).toBe("2027-01-05");
    // 2029: Mon 31 → Tue 1 and Wed 2 holidays → Thu 3 January 2030.
    expect(registrationDate(local("2029-12-31 23:00"), cal)).toBe("2030-01-03");
  });
});

describe("considerationDueAt", () => {
  it("counts 15 working days from the day after registration, skipping weekends and holidays", () => {
    // Registered Mon 3 March 2025:
    //   4 5 6 7 (4) · [8 Sat holiday, 9 Sun, 10 carried off] · 11 12 13 14 (8) · 17 18 19 20 (12)
    //   · [21 Nauryz, 22, 23, 24, 25 carried off] · 26 27 28 (15) → Friday 28 March.
    expect(considerationDueAt("2025-03-03", policy, cal)).toEqual(endOf("2025-03-28"));
  });

  it("counts across New Year and Orthodox Christmas", () => {
    // Registered Wed 24 December 2025:
    //   25 26 (2) · 29 30 31 (5) · [1, 2 New Year, 3, 4 weekend] · 5 6 (7) · [7 Christmas] · 8 9 (9)
    //   · 12 13 14 15 16 (14) · 19 (15) → Monday 19 January 2026.
    expect(considerationDueAt("2025-12-24", policy, cal)).toEqual(endOf("2026-01-19"));
  });

  it("counts a Sunday made working by a transfer", () => {
    // Registered Fri 20 December 2024:
    //   23 24 25 26 27 (5) · 30 31 (7) · [1, 2 New Year, 3 transferred off, 4 Sat] · Sun 5 worked (8)
    //   · 6 (9) · [7 Christmas] · 8 9 10 (12) · 13 14 15 (15) → Wednesday 15 January 2025.
    expect(considerationDueAt("2024-12-20", policy, cal)).toEqual(endOf("2025-01-15"));
  });

  it("ends at 23:59:59.999 Almaty time, which is 18:59:59.999 UTC", () => {
    expect(considerationDueAt("2025-03-03", policy, cal).toISOString()).toBe("2025-03-28T18:59:59.999Z");
  });

  it("follows an out-of-hours appeal from receipt to due date", () => {
    // Received Fri 7 March 2025 18:45 → registered Tue 11 (see above). Then
    //   12 13 14 (3) · 17 18 19 20 (7) · [21–25 off] · 26 27 28 (10) · 31 (11) · Apr 1 2 3 4 (15) → Fri 4 April.
    const registeredOn = registrationDate(local("2025-03-07 18:45"), cal);
    expect(considerationDueAt(registeredOn, policy, cal)).toEqual(endOf("2025-04-04"));
  });
});

describe("latestExtensionDueAt", () => {
  it("is two calendar months after registration", () => {
    // 12 March 2025 + 2 months = Monday 12 May 2025, a working day.
    expect(latestExtensionDueAt("2025-03-12", policy, cal)).toEqual(endOf("2025-05-12"));
  });

  it("moves off a holiday to the next working day", () => {
    // 7 March + 2 months = Wed 7 May 2025, Defender of the Fatherland Day → Thu 8 May.
    expect(latestExtensionDueAt("2025-03-07", policy, cal)).toEqual(endOf("2025-05-08"));
  });

  it("clamps to the end of a short month, then moves off the weekend", () => {
    // 31 December 2025 + 2 months → 28 February 2026 (no 31st), a Saturday → Monday 2 March.
    expect(latestExtensionDueAt("2025-12-31", policy, cal)).toEqual(endOf("2026-03-02"));
  });
});

describe("extendDeadline", () => {
  // Registered Mon 3 March 2025, due Fri 28 March (see considerationDueAt).
  // Cap: 3 May 2025 is a Saturday → Monday 5 May.
  const base = {
    registeredOn: "2025-03-03",
    currentDueAt: endOf("2025-03-28"),
    requestedOn: "2025-04-25",
    alreadyExtended: false,
    now: local("2025-03-20 10:00"),
  };

  it("extends once and sets the citizen's notice 3 working days after the decision", () => {
    // Decided Thu 20 March: [21 Nauryz, 22, 23, 24, 25 off] · 26 (1) 27 (2) 28 (3) → notify by Fri 28 March.
    expect(extendDeadline(base, policy, cal)).toEqual({
      ok: true,
      dueAt: endOf("2025-04-25"),
      citizenNoticeBy: endOf("2025-03-28"),
    });
  });

  it("refuses a second extension", () => {
    expect(extendDeadline({ ...base, alreadyExtended: true }, policy, cal)).toEqual({
      ok: false,
      reason: "ALREADY_EXTENDED",
    });
  });

  it("allows exactly the two-month cap and refuses one working day more", () => {
    expect(extendDeadline({ ...base, requestedOn: "2025-05-05" }, policy, cal)).toMatchObject({
      ok: true,
      dueAt: endOf("2025-05-05"),
    });
    expect(extendDeadline({ ...base, requestedOn: "2025-05-06" }, policy, cal)).toEqual({
      ok: false,
      reason: "BEYOND_LIMIT",
    });
    expect(extendDeadline({ ...base, requestedOn: "2025-06-30" }, policy, cal)).toEqual({
      ok: false,
      reason: "BEYOND_LIMIT",
    });
  });

  it("moves a requested non-working day to the next working day", () => {
    // Saturday 3 May → Monday 5 May, still within the cap.
    expect(extendDeadline({ ...base, requestedOn: "2025-05-03" }, policy, cal)).toMatchObject({
      ok: true,
      dueAt: endOf("2025-05-05"),
    });
  });

  it("refuses a date that is not later than the current one", () => {
    for (const requestedOn of ["2025-03-28", "2025-03-20", "2025-03-25" /* off → Wed 26 */]) {
      expect(extendDeadline({ ...base, requestedOn }, policy, cal)).toEqual({
        ok: false,
        reason: "NOT_LATER",
      });
    }
  });

  it("refuses once the current term has run out", () => {
    // 19:00 UTC on 28 March is 00:00 on Saturday 29 March in Almaty.
    expect(extendDeadline({ ...base, now: new Date("2025-03-28T19:00:00Z") }, policy, cal)).toEqual({
      ok: false,
      reason: "DEADLINE_PASSED",
    });
  });

  it("still extends in the last millisecond of the term", () => {
    // Decided Fri 28 March: Mon 31 (1), Tue 1 April (2), Wed 2 April (3).
    expect(extendDeadline({ ...base, now: endOf("2025-03-28") }, policy, cal)).toEqual({
      ok: true,
      dueAt: endOf("2025-04-25"),
      citizenNoticeBy: endOf("2025-04-02"),
    });
  });
});

describe("resumeAfterPause", () => {
  const dueAt = endOf("2025-03-28");
  // Pausing is off by default; these are the rules for a body whose administrator switched it on.
  const policy: DeadlinePolicy = { ...APPC_DEFAULT_POLICIES.application, clarificationPausesClock: true };

  it("moves the due date by exactly the working days the clock was stopped", () => {
    // Paused Wed 12 March, resumed Wed 19 March: (12, 19] = 13 14 17 18 19 = 5 working days.
    // Fri 28 March + 5: Mon 31 (1), Apr 1 (2), 2 (3), 3 (4), Fri 4 (5).
    const resumed = resumeAfterPause(
      { dueAt, pausedAt: local("2025-03-12 10:00"), resumedAt: local("2025-03-19 15:00") },
      policy,
      cal,
    );
    expect(resumed).toEqual(endOf("2025-04-04"));
  });

  it("does not count holidays and weekends inside the pause", () => {
    // Paused Thu 20 March, resumed Wed 26: (20, 26] has only Wed 26 working → 1 day → Mon 31 March.
    const resumed = resumeAfterPause(
      { dueAt, pausedAt: local("2025-03-20 10:00"), resumedAt: local("2025-03-26 10:00") },
      policy,
      cal,
    );
    expect(resumed).toEqual(endOf("2025-03-31"));
  });

  it("does not move the date for a pause within one day or over a weekend only", () => {
    const sameDay = { dueAt, pausedAt: local("2025-03-12 10:00"), resumedAt: local("2025-03-12 17:00") };
    expect(resumeAfterPause(sameDay, policy, cal)).toEqual(dueAt);
    // (Fri 14, Sun 16] has no working day.
    const weekend = { dueAt, pausedAt: local("2025-03-14 10:00"), resumedAt: local("2025-03-16 12:00") };
    expect(resumeAfterPause(weekend, policy, cal)).toEqual(dueAt);
  });

  it("leaves the date alone when the policy does not stop the clock", () => {
    const noPause: DeadlinePolicy = { ...policy, clarificationPausesClock: false };
    const o = { dueAt, pausedAt: local("2025-03-12 10:00"), resumedAt: local("2025-03-19 15:00") };
    expect(resumeAfterPause(o, noPause, cal)).toEqual(dueAt);
  });

  it("rejects a resumption before the pause", () => {
    const o = { dueAt, pausedAt: local("2025-03-19 10:00"), resumedAt: local("2025-03-12 10:00") };
    expect(() => resumeAfterPause(o, policy, cal)).toThrow(RangeError);
  });
});

describe("forwardingDueAt", () => {
  it("is 3 working days after receipt", () => {
    // Received Fri 7 March 2025: [8, 9, 10 off] · Tue 11 (1) Wed 12 (2) Thu 13 (3).
    expect(forwardingDueAt("2025-03-07", policy, cal)).toEqual(endOf("2025-03-13"));
    // Received Sat 15 March: Mon 17 (1) Tue 18 (2) Wed 19 (3).
    expect(forwardingDueAt("2025-03-15", policy, cal)).toEqual(endOf("2025-03-19"));
  });
});

describe("workingDaysLeft", () => {
  const dueAt = endOf("2025-03-28"); // Friday

  it("counts working days still to come", () => {
    // (Wed 26, Fri 28] = 27 28 = 2.
    expect(workingDaysLeft(dueAt, local("2025-03-26 10:00"), cal)).toBe(2);
    // (Thu 20, Fri 28] = 26 27 28 = 3 (21, 24, 25 are off).
    expect(workingDaysLeft(dueAt, local("2025-03-20 10:00"), cal)).toBe(3);
    expect(workingDaysLeft(dueAt, local("2025-03-28 18:00"), cal)).toBe(0);
  });

  it("is negative when overdue", () => {
    // Saturday after a Friday deadline: overdue although no working day has passed.
    expect(workingDaysLeft(dueAt, local("2025-03-29 10:00"), cal)).toBe(-1);
    // (Fri 28, Mon 31] = 1.
    expect(workingDaysLeft(dueAt, local("2025-03-31 10:00"), cal)).toBe(-1);
    // (Fri 28, Wed 2 April] = 31, 1, 2 = 3.
    expect(workingDaysLeft(dueAt, local("2025-04-02 10:00"), cal)).toBe(-3);
  });
});

describe("reminderDate", () => {
  it("is 3 working days before the due day by default", () => {
    // Due Fri 28 March: Thu 27 (1), Wed 26 (2), [25, 24, 23, 22, 21 off], Thu 20 (3).
    expect(reminderDate(endOf("2025-03-28"), cal)).toBe("2025-03-20");
    // Due Fri 4 April: 3 (1), 2 (2), Tue 1 April (3).
    expect(reminderDate(endOf("2025-04-04"), cal)).toBe("2025-04-01");
    // Due Thu 8 January 2026: [7 Christmas] 6 (1), 5 (2), [4, 3, 2, 1] Wed 31 December (3).
    expect(reminderDate(endOf("2026-01-08"), cal)).toBe("2025-12-31");
  });

  it("takes another number of working days", () => {
    // Due Mon 31 March, 1 working day before: Fri 28.
    expect(reminderDate(endOf("2025-03-31"), cal, 1)).toBe("2025-03-28");
    expect(() => reminderDate(endOf("2025-03-31"), cal, -1)).toThrow(RangeError);
  });
});
