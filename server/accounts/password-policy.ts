import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/** NIST SP 800-63B §3.1.1.2 asks for 8 at least and lets services ask for more; Tyndau asks for 12. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses; below it a password is common or patterned. */
const MIN_SCORE = 3;

// Its dictionaries hold the most common passwords of public breaches (language-common) and English words,
// names and Wikipedia terms (language-en); it also finds keyboard walks, repeats, sequences and dates.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
});

export type PasswordProblem =
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordCommon"
  | "passwordLikeIdentity";

const fold = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s._\-@+]/g, "");

/** The pieces of who someone is that a guesser would try first: the address, its name part, the name. */
function identityWords(o: { email: string; fullName: string }): string[] {
  const email = o.email.trim().toLowerCase();
  const local = email.split("@")[0] ?? "";
  const words = [email, local, ...local.split(/[._\-+]/), o.fullName, ...o.fullName.split(/\s+/)];
  return [...new Set(words.map(fold).filter((w) => w.length >= 3))];
}

/**
 * Why a new password would not do, or null. The account's own e-mail and name are checked twice: as
 * dictionary words zxcvbn scores against, and outright, so "aliya.n@mail.kz!" for aliya.n@mail.kz fails
 * whatever its score.
 */
export function passwordProblem(
  password: string,
  identity: { email: string; fullName: string },
): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "passwordTooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "passwordTooLong";
  const folded = fold(password);
  const words = identityWords(identity);
  // Contains the e-mail or a name, or is mostly one of them with a little added.
  if (words.some((w) => (w.length >= 4 && folded.includes(w)) || (folded.length > 0 && w.includes(folded))))
    return "passwordLikeIdentity";
  const result = zxcvbn.check(password, words);
  return result.score < MIN_SCORE ? "passwordCommon" : null;
}
