/**
 * Years an admin may edit. The seed covers 2024–2030; the range leaves room to fill in the past a
 * demo's appeals reach into and the years ahead the Labour Ministry publishes transfers for.
 */
export const FIRST_CALENDAR_YEAR = 2020;
export const LAST_CALENDAR_YEAR = 2100;
