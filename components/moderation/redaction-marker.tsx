"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import styles from "./moderation.module.css";

export type Span = { start: number; end: number };

/** Adds a span, merged with any it touches, so the list never holds overlapping spans. */
export function addSpan(spans: readonly Span[], added: Span): Span[] {
  let { start, end } = added;
  const kept: Span[] = [];
  for (const s of spans) {
    if (s.end < start || s.start > end) kept.push(s);
    else {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
  }
  return [...kept, { start, end }].sort((a, b) => a.start - b.start);
}

/** The selection without the spaces around it, so that a double-tapped word is hidden, not its gaps. */
function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return { start: s, end: e };
}

/**
 * Marking the parts of the text to hide, with a mouse, a finger or a keyboard: the moderator selects in
 * the text, which cannot be changed (Shift and the arrow keys work there), and presses the button; each marked part is
 * listed with a button to remove it, and the preview shows what the public will read.
 */
export function RedactionMarker({
  id = "redact",
  label,
  text,
  spans,
  detected = [],
  onChange,
  error,
}: {
  /** Distinguishes the fields when the subject, the text and the answer are marked on one page. */
  id?: string;
  label?: string;
  text: string;
  spans: Span[];
  /** What the personal-data detector proposed: a span still marked as proposed says which kind it is. */
  detected?: (Span & { kind: string })[];
  onChange: (spans: Span[]) => void;
  error?: string;
}) {
  const t = useTranslations("moderation.redact");
  const tm = useTranslations("moderation");
  const area = useRef<HTMLTextAreaElement>(null);
  const [notice, setNotice] = useState("");

  // Not `readOnly`: Chromium then moves no caret, so Shift and the arrows could not select. The field stays
  // editable for selecting, brings up no on-screen keyboard, and refuses every change to the text.
  useEffect(() => {
    const el = area.current;
    const refuse = (e: Event) => e.preventDefault();
    el?.addEventListener("beforeinput", refuse);
    return () => el?.removeEventListener("beforeinput", refuse);
  }, []);

  function redactSelection() {
    const el = area.current;
    if (!el) return;
    const span = trimmed(text, el.selectionStart, el.selectionEnd);
    if (span.end <= span.start) {
      setNotice(t("nothingSelected"));
      el.focus();
      return;
    }
    onChange(addSpan(spans, span));
    setNotice(t("added", { excerpt: text.slice(span.start, span.end) }));
  }

  function remove(span: Span) {
    onChange(spans.filter((s) => s !== span));
    setNotice(t("removed", { excerpt: text.slice(span.start, span.end) }));
  }

  const preview: { text?: string; key: number }[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) preview.push({ text: text.slice(at, s.start), key: at });
    preview.push({ key: -s.start - 1 });
    at = s.end;
  }
  if (at < text.length) preview.push({ text: text.slice(at), key: at });

  return (
    // A group per marked text: the subject, the text and the answer each have their own buttons and list.
    <fieldset className={styles.fieldset} aria-labelledby={`${id}-label`}>
      <div className="field">
        <label id={`${id}-label`} htmlFor={`${id}-text`}>
          {label ?? t("textLabel")}
        </label>
        <p id={`${id}-text-hint`} className="hint">
          {t("howTo")}
        </p>
        <textarea
          id={`${id}-text`}
          ref={area}
          aria-readonly="true"
          inputMode="none"
          spellCheck={false}
          className={styles.source}
          value={text}
          onChange={() => {}}
          rows={Math.min(14, Math.max(5, Math.ceil(text.length / 70)))}
          aria-describedby={`${id}-text-hint${error ? ` ${id}-error` : ""}`}
        />
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={redactSelection}>
          {t("redactSelection")}
        </button>
      </div>
      <p role="status" className="hint">
        {notice}
      </p>
      <h3 id={`${id}-list-heading`}>{t("listTitle", { count: spans.length })}</h3>
      {spans.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className={styles.spans} aria-labelledby={`${id}-list-heading`}>
          {spans.map((s) => {
            const excerpt = text.slice(s.start, s.end);
            const proposed = detected.find((d) => d.start === s.start && d.end === s.end);
            return (
              <li key={`${s.start}-${s.end}`}>
                «{excerpt}»
                {proposed && (
                  <span className="hint"> ({t("detected", { kind: t(`kind.${proposed.kind}`) })})</span>
                )}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => remove(s)}
                  aria-label={t("remove", { excerpt })}
                >
                  {t("removeShort")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <h3>{t("preview")}</h3>
      <p className={`${styles.preview} ${styles.text}`}>
        {preview.map((p) =>
          p.text === undefined ? (
            <mark key={p.key} className={styles.redacted}>
              {tm("redactedMarker")}
            </mark>
          ) : (
            <span key={p.key}>{p.text}</span>
          ),
        )}
      </p>
    </fieldset>
  );
}
