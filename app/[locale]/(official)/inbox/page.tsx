import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { BodyPicker } from "@/components/official/body-picker";
import { InboxTable } from "@/components/official/inbox-table";
import { InboxTabs } from "@/components/official/inbox-tabs";
import { INBOX_TABS, type InboxTab } from "@/server/appeals/list-inbox";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function InboxPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "official") notFound();
  const query = await searchParams;
  const tab = (INBOX_TABS as readonly string[]).includes(one(query.tab) ?? "")
    ? (one(query.tab) as InboxTab)
    : "new";
  const bodyId = one(query.body);
  const withSubordinates = one(query.all) === "1";
  const cursor = one(query.cursor);
  const forwarded = one(query.forwarded);
  const passedUp = one(query.passedUp);
  const number = one(query.number)?.trim().slice(0, 20) || undefined;

  const inbox = await (await getCaller()).inbox
    .list({ tab, bodyId, withSubordinates: withSubordinates || undefined, cursor, number })
    .catch((error: unknown) => {
      // A body outside the viewer's charge, or a hand-edited address, shows as nothing at all.
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
        notFound();
      throw error;
    });
  const t = await getTranslations("official.inbox");
  const tc = await getTranslations("complaints.passUp");
  const tu = await getTranslations("ui");
  const current = inbox.supervisedBodies.find((b) => b.id === inbox.bodyId);
  // What the tabs and the pager keep while moving around.
  const keep: Record<string, string> = {
    ...(bodyId ? { body: bodyId } : {}),
    ...(withSubordinates ? { all: "1" } : {}),
  };

  return (
    <>
      <h1>{t("title")}</h1>
      {current && <p className="lead">{t("of", { body: bodyName(current, locale) })}</p>}
      {inbox.supervisedBodies.length > 1 && <BodyPicker inbox={inbox} tab={tab} />}
      <div role="status">
        {forwarded && <p className="alert alert-ok">{t("forwarded", { number: forwarded })}</p>}
        {passedUp && <p className="alert alert-ok">{tc("doneNumber", { number: passedUp })}</p>}
      </div>
      {inbox.readOnly && <p className="alert">{t("readOnly")}</p>}
      {/* A plain GET form: the number from a letter or a phone call leads straight to the appeal. */}
      <search>
        <form method="get" action={`/${locale}/inbox`} className="inline-form">
          {Object.entries(keep).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <label htmlFor="inbox-number">{tu("findNumber")}</label>
          <input
            id="inbox-number"
            name="number"
            defaultValue={number}
            maxLength={20}
            aria-describedby="inbox-number-hint"
          />
          <button type="submit" className="secondary">
            {tu("find")}
          </button>
          <span id="inbox-number-hint" className="hint">
            {tu("findNumberHint")}
          </span>
        </form>
      </search>
      {number ? (
        <p>
          {tu("foundByNumber", { number })}{" "}
          <Link href={{ pathname: "/inbox", query: { ...keep, tab } }}>{tu("clearNumber")}</Link>
        </p>
      ) : (
        <>
          <InboxTabs current={tab} counts={inbox.counts} query={keep} />
          <p className="hint">{t(`tabHint.${tab}`)}</p>
        </>
      )}
      <InboxTable inbox={inbox} />
      <div className="pager">
        {cursor && <Link href={{ pathname: "/inbox", query: { ...keep, tab } }}>{t("first")}</Link>}
        {inbox.nextCursor && (
          <Link href={{ pathname: "/inbox", query: { ...keep, tab, cursor: inbox.nextCursor } }}>
            {t("next")}
          </Link>
        )}
      </div>
    </>
  );
}
