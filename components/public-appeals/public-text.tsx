import { getTranslations } from "next-intl/server";
import type { PublicSegment } from "@/server/moderation/redactions";
import type { NameSegment } from "@/server/public-appeals/public-appeal-view";
import styles from "./public-appeals.module.css";

/**
 * A public text with its markers in the reader's language: what a moderator redacted, and the
 * applicant's name taken out of an answer. The removed characters never reached this page.
 */
export async function PublicText({
  segments,
  inline = false,
}: {
  segments: readonly (PublicSegment | NameSegment)[];
  /** Inside a heading or a table cell: no paragraph of its own. */
  inline?: boolean;
}) {
  const t = await getTranslations("publicAppeals.appeal");
  const Tag = inline ? "span" : "p";
  return (
    <Tag className={inline ? undefined : styles.prose}>
      {segments.map((s, i) =>
        "text" in s ? (
          s.text
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed for the page's lifetime
          <span key={i} className={styles.redacted}>
            {"redacted" in s ? t("redacted") : t("name")}
          </span>
        ),
      )}
    </Tag>
  );
}

/** The same text flattened, for a page title: each marker becomes `marker`. */
export const plainText = (segments: readonly (PublicSegment | NameSegment)[], marker: string) =>
  segments.map((s) => ("text" in s ? s.text : marker)).join("");
