import { describe, expect, it } from "vitest";
import { withoutApplicant } from "@/server/public-appeals/public-appeal-view";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

describe("a citizen's account, as an admin sees it", () => {
  const db = useTestDatabase();

  it("is found only by its exact e-mail, never by browsing or by part of a name or address", async () => {
    const citizen = await createActor(db(), "citizen", { fullName: "Гүлжан Жекебаева" });
    const moderator = await createActor(db(), "moderator", { fullName: "Мирас Модераторов" });
    const admin = callerFor(db(), await createActor(db(), "admin"));
    const emails = async (input: Parameters<typeof admin.accounts.list>[0]) =>
      (await admin.accounts.list(input)).map((a) => a.email);

    // Staff accounts are work accounts: browsed and searched as before.
    expect(await emails({})).toContain(moderator.email);
    expect(await emails({ search: "Модераторов" })).toEqual([moderator.email]);
    // A citizen's name and e-mail are theirs (issue #6): no list, no partial match, no role filter shows them.
    expect(await emails({})).not.toContain(citizen.email);
    expect(await emails({ role: "citizen" })).toEqual([]);
    expect(await emails({ search: "Жекебаева" })).toEqual([]);
    expect(await emails({ search: citizen.email.slice(0, 12) })).toEqual([]);
    expect(await emails({ search: "%" })).not.toContain(citizen.email);
    // Named exactly, as in a support request, the account is there to disable or to make staff.
    expect(await emails({ search: citizen.email.toUpperCase() })).toEqual([citizen.email]);
    expect(await emails({ search: citizen.email, role: "citizen" })).toEqual([citizen.email]);
  });
});

describe("an answer as others read it", () => {
  const applicant = {
    names: ["Гүлжан Жекебаева"],
    contacts: ["gulzhan.zh@example.kz", "+77011234567", "Алматы, Абай даңғылы 10, пәтер 5"],
  };
  const read = (text: string) =>
    withoutApplicant(text, applicant)
      .map((s) => ("text" in s ? s.text : "name" in s ? "[name]" : "[redacted]"))
      .join("");

  it("takes out the applicant's phone however it is written, their e-mail in any case, and their address", () => {
    expect(read("Жекебаевой: we called 8 (701) 123-45-67, then +7 701 123 45 67 and 7011234567.")).toBe(
      "[name]: we called [redacted], then [redacted] and [redacted].",
    );
    expect(read("Written to GULZHAN.ZH@EXAMPLE.KZ and to Алматы,  Абай даңғылы 10, пәтер 5.")).toBe(
      "Written to [redacted] and to [redacted].",
    );
    // Someone else's number and an ordinary figure stay: only the applicant is taken out.
    expect(read("The hotline 8 (727) 300-00-00 answers; 25 lamps were replaced.")).toBe(
      "The hotline 8 (727) 300-00-00 answers; 25 lamps were replaced.",
    );
  });
});
