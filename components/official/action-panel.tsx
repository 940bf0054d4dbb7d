"use client";
import { createContext, type ReactNode, useContext, useState } from "react";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { useRouter } from "@/i18n/navigation";
import styles from "./official.module.css";

/** One action on the appeal page, folded away until the official opens it. */
export function ActionPanel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <details className={styles.panel}>
      <summary>{title}</summary>
      <div>{children}</div>
    </details>
  );
}

const AnnounceContext = createContext<(notice: string | null) => void>(() => {});

/**
 * Holds the notice of the last action done on the page, above the actions. It lives here rather than in
 * the form because the page is rendered again after each action, and the form that did it is often gone
 * then (an appeal awaiting clarification offers no second question).
 */
export function ActionNotices({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <AnnounceContext value={setNotice}>
      <div role="status" className={notice ? "alert alert-ok" : undefined}>
        {notice}
      </div>
      {children}
    </AnnounceContext>
  );
}

/**
 * Runs a mutation for a form: translated errors on failure; on success the `done` notice, and the server
 * page is rendered again so that the status, deadline and history shown are the ones just committed.
 */
export function useActionForm(done?: string) {
  const messagesOf = useErrorMessages();
  const router = useRouter();
  const announce = useContext(AnnounceContext);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  async function run(action: () => Promise<unknown>, then?: () => void) {
    try {
      await action();
      setErrors(NO_ERRORS);
      announce(done ?? null);
      if (then) then();
      else router.refresh();
    } catch (error) {
      announce(null);
      setErrors(messagesOf(error));
    }
  }
  // A problem found in the browser (a file too large) is shown as the server's would be, nothing sent.
  return { errors, run, refuse: setErrors };
}
