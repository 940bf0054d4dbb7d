"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useRef, useState } from "react";

type Entry = { label: string; value: string };

/** What the form holds, as the applicant will read it: each filled field under its own label. */
function entriesOf(form: HTMLFormElement, none: string, filesLabel: string): Entry[] {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const el of Array.from(form.elements)) {
    if (
      !(
        el instanceof HTMLInputElement ||
        el instanceof HTMLTextAreaElement ||
        el instanceof HTMLSelectElement
      )
    )
      continue;
    if (!el.name || el.type === "hidden" || seen.has(el.name)) continue;
    if (el instanceof HTMLInputElement && el.type === "radio") {
      if (!el.checked) continue;
      const legend = el.closest("fieldset")?.querySelector("legend")?.textContent ?? el.name;
      entries.push({ label: legend, value: el.closest("label")?.textContent?.trim() ?? el.value });
    } else if (el instanceof HTMLInputElement && el.type === "file") {
      const names = Array.from(el.files ?? []).map((f) => f.name);
      entries.push({ label: filesLabel, value: names.length > 0 ? names.join(", ") : none });
    } else if (el instanceof HTMLInputElement && el.type === "checkbox") {
      continue;
    } else {
      const label = el.labels?.[0]?.textContent ?? el.name;
      entries.push({ label, value: el.value.trim() || none });
    }
    seen.add(el.name);
  }
  return entries;
}

/**
 * A step between the official's answer form and the answer sent for good: a valid form first shows what
 * will go out, and only "Confirm and send" submits it. The form stays mounted, hidden, so going back loses
 * nothing; a form with missing fields goes straight on, for the server's error summary.
 */
export function AnswerPreview({ children }: { children: ReactNode }) {
  const t = useTranslations("answerPreview");
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const confirmed = useRef(false);
  const form = useRef<HTMLFormElement | null>(null);
  // The button that asked to submit: confirming submits with it, so the form knows which action was meant.
  const submitter = useRef<HTMLElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  function onSubmitCapture(event: FormEvent<HTMLDivElement>) {
    const target = event.target;
    if (!(target instanceof HTMLFormElement)) return;
    if (confirmed.current) {
      // This one goes through; a failed send (the server's errors) previews again next time.
      confirmed.current = false;
      return;
    }
    if (!target.checkValidity()) return;
    event.preventDefault();
    event.stopPropagation();
    form.current = target;
    submitter.current = (event.nativeEvent as SubmitEvent).submitter;
    setEntries(entriesOf(target, t("none"), t("files")));
    requestAnimationFrame(() => heading.current?.focus());
  }

  return (
    <div onSubmitCapture={onSubmitCapture}>
      <div hidden={entries !== null}>{children}</div>
      {entries && (
        <section aria-labelledby="answer-preview-title" className="card">
          <h3 id="answer-preview-title" ref={heading} tabIndex={-1}>
            {t("title")}
          </h3>
          <dl className="facts">
            {entries.map((e) => (
              <div key={e.label} style={{ display: "contents" }}>
                <dt>{e.label}</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{e.value}</dd>
              </div>
            ))}
          </dl>
          <p>
            <strong>{t("final")}</strong>
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                confirmed.current = true;
                setEntries(null);
                form.current?.requestSubmit(submitter.current);
              }}
            >
              {t("confirm")}
            </button>
            <button type="button" className="secondary" onClick={() => setEntries(null)}>
              {t("edit")}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
