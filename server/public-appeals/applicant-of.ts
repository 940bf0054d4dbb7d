import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, users } from "@/db/schema";
import type { ApplicantData } from "./public-appeal-view";

/**
 * The applicant's personal data as the appeal recorded it and as their account holds it, only so that
 * it can be taken out of what others read of the appeal (withoutApplicant); never returned as such.
 */
export async function applicantOf(db: Db, appealId: string): Promise<ApplicantData> {
  const [row] = await db
    .select({
      filedAs: appeals.applicantName,
      email: appeals.applicantEmail,
      phone: appeals.applicantPhone,
      address: appeals.applicantAddress,
      account: users.fullName,
      accountEmail: users.email,
      accountPhone: users.phone,
    })
    .from(appeals)
    .leftJoin(users, eq(users.id, appeals.authorId))
    .where(eq(appeals.id, appealId));
  const present = (values: (string | null | undefined)[]) =>
    values.filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return {
    names: present([row?.filedAs, row?.account]),
    contacts: present([row?.email, row?.phone, row?.address, row?.accountEmail, row?.accountPhone]),
  };
}
