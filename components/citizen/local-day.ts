/** Noon in Almaty of a "YYYY-MM-DD" day, so that formatting it in Kazakhstan time gives that very day. */
export const localDay = (isoDate: string) => new Date(`${isoDate}T12:00:00+05:00`);
