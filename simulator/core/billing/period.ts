/** Whole UTC days: billing periods are counted in them (SIM-1). */
export const DAY_MS = 86_400_000;

/** The first instant of a `YYYY-MM-DD` calendar date (UTC), or undefined when it is not one. */
export const dateStart = (text: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(at).toISOString().slice(0, 10) === text ? at : undefined;
};

/** The first instant of a `YYYY-MM` month (UTC), or undefined when it is not one. */
export const monthStart = (text: string): number | undefined => {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) : undefined;
};

export const isoDate = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The first instant of the UTC day an instant falls in. */
export const dayOf = (at: number): number => Math.floor(at / DAY_MS) * DAY_MS;

/** The period a report covers: `days` whole days from `start` (a UTC midnight). */
export interface Period {
  readonly start: number;
  readonly days: number;
}

/** The period from one `YYYY-MM-DD` day to another, both included (dates already checked). */
export const periodOf = (firstDay: string, lastDay: string): Period => {
  const start = dateStart(firstDay) ?? 0;
  const end = dateStart(lastDay) ?? start;
  return { start, days: Math.max(0, (end - start) / DAY_MS + 1) };
};

/**
 * The days of a period (as indexes, first and last) during which a stretch `[from, to)` held its
 * packages, counted the way a daily aggregation counts them: a day counts when the stretch held
 * them at the day's end. A stretch that begins and ends within one day counts for none.
 */
export const coveredDays = (
  r: { readonly from: string; readonly to?: string | undefined },
  p: Period,
): readonly [number, number] | undefined => {
  const first = Math.max(0, Math.floor((Date.parse(r.from) - p.start) / DAY_MS));
  const last = Math.min(
    p.days - 1,
    r.to === undefined ? p.days - 1 : Math.floor((Date.parse(r.to) - p.start) / DAY_MS) - 1,
  );
  return first <= last ? [first, last] : undefined;
};
