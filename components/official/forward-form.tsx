"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import { useActionForm } from "./action-panel";

export type BodyGroup = { label: string; bodies: { id: string; name: string }[] };

type Props = { appealId: string; number: string; groups: BodyGroup[]; term: string };

/** The directory grouped by region, narrowed as the official types, for a forward to the competent body. */
export function ForwardForm({ appealId, number, groups, term }: Props) {
  const t = useTranslations("official.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const forward = useMutation(trpc.inbox.forward.mutationOptions());
  const { errors, run } = useActionForm();
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState("");
  const needle = filter.trim().toLocaleLowerCase();
  const shown = groups
    .map((g) => ({
      ...g,
      bodies: g.bodies.filter(
        (b) => b.id === chosen || needle === "" || b.name.toLocaleLowerCase().includes(needle),
      ),
    }))
    .filter((g) => g.bodies.length > 0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The appeal leaves this body's hands: back to the inbox, which says where it went.
    return run(
      () =>
        forward.mutateAsync({
          appealId,
          toBodyId: String(form.get("toBodyId") ?? ""),
          reason: String(form.get("reason") ?? ""),
        }),
      () => {
        router.push({ pathname: "/inbox", query: { forwarded: number } });
        router.refresh();
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p>{term}</p>
      <FormAlert message={errors.form} fields={errors.fields} />
      <div className="field">
        <label htmlFor="forward-filter">{t("forward.filter")}</label>
        <p id="forward-filter-hint" className="hint">
          {t("forward.filterHint")}
        </p>
        <input
          id="forward-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-describedby="forward-filter-hint"
          aria-controls="forward-body"
        />
      </div>
      <div className="field">
        <label htmlFor="forward-body">{t("forward.body")}</label>
        <select
          id="forward-body"
          name="toBodyId"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          required
          aria-invalid={errors.fields.toBodyId ? true : undefined}
          aria-describedby={errors.fields.toBodyId ? "forward-body-error" : undefined}
        >
          <option value="" disabled>
            {t("forward.choose")}
          </option>
          {shown.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {errors.fields.toBodyId && (
          <p id="forward-body-error" className="field-error">
            {errors.fields.toBodyId}
          </p>
        )}
      </div>
      <TextField
        id="forward-reason"
        name="reason"
        label={t("forward.reason")}
        hint={t("forward.reasonHint")}
        multiline
        rows={3}
        required
        maxLength={2000}
        error={errors.fields.reason}
      />
      <div>
        <button type="submit" disabled={forward.isPending}>
          {forward.isPending ? t("working") : t("forward.submit")}
        </button>
      </div>
    </form>
  );
}
