/**
 * Which namespaces of the catalogue reach the browser. Server components translate on the server; only
 * client components need messages in the page's payload, and sending the whole catalogue (over 100 KB in
 * Kazakh, the mail templates included) made every page heavier and slower to render. Each audience's route
 * group passes its own list; a dotted path passes one branch of a namespace. client-messages.test.ts
 * follows the imports of every page to the client components it renders and fails when one of them
 * translates with a namespace its group does not pass here.
 */
export const CLIENT_MESSAGES = {
  // Every form's error texts. The header and the error boundary take theirs from the server and from the
  // page-error catalogue: the root layout passes no messages (app/[locale]/layout.tsx).
  everyPage: ["errors", "validation", "formErrors"],
  public: ["auth", "accountSecurity", "track", "publicAppeals.appeal"],
  citizen: [
    "citizen.file",
    "citizen.clarify",
    "citizen.complain",
    "citizen.rate",
    "appeal.kind",
    "appeal.category",
    "appeal.suggestFromText",
    "moderation.citizen",
    "moderation.form",
  ],
  official: ["official.forms", "appeal.decision", "complaints.passUp", "answerPreview", "answerCheck"],
  operator: ["operator", "appeal.suggestFromText"],
  moderator: ["moderation"],
  auditor: ["grading.forms"],
  admin: ["admin", "appeal", "open311.apiKeys", "accounts", "roles"],
  account: ["notification", "sms.account"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesArea = Exclude<keyof typeof CLIENT_MESSAGES, "everyPage">;

type Messages = Record<string, unknown>;

/** The branches of `messages` named by `paths` ("publicAppeals.appeal" keeps just that branch). */
export function pickMessages(messages: Messages, paths: readonly string[], prefix = ""): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const [head = "", ...rest] = path.split(".");
    const branch = messages[head];
    if (branch === undefined) throw new Error(`No messages at ${prefix}${path}`);
    picked[head] =
      rest.length === 0
        ? branch
        : {
            ...(picked[head] as Messages),
            ...pickMessages(branch as Messages, [rest.join(".")], `${prefix}${head}.`),
          };
  }
  return picked;
}
