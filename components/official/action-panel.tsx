"use client";
import { useState } from "react";
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

/**
 * Runs a mutation for a form: translated errors on failure; on success a notice, and the server page is
 * rendered again so that the status, deadline and history shown are the ones just committed.
 */
export function useActionForm() {
  const messagesOf = useErrorMessages();
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);
  async function run(action: () => Promise<unknown>, then?: () => void) {
    try {
      await action();
      setErrors(NO_ERRORS);
      setDone(true);
      if (then) then();
      else router.refresh();
    } catch (error) {
      setDone(false);
      setErrors(messagesOf(error));
    }
  }
  return { errors, done, run };
}

export function DoneNotice({ show, message }: { show: boolean; message: string }) {
  return (
    <div role="status" className={show ? "alert alert-ok" : undefined}>
      {show ? message : null}
    </div>
  );
}
