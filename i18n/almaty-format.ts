const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as read in Kazakhstan (Asia/Almaty), in `locale`: the date alone, or the date and the time.
 * A formatter costs far more to make than to use, and every filing's receipt needs one: each is made once.
 */
export function formatInAlmaty(date: Date, locale: string, shows: "date" | "dateTime"): string {
  const key = `${locale}:${shows}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: "long",
      ...(shows === "dateTime" ? { timeStyle: "short" } : {}),
      timeZone: "Asia/Almaty",
    });
    formats.set(key, format);
  }
  return format.format(date);
}
