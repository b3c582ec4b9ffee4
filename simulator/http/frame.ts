/**
 * The headers every answer outside `/sim` carries (api.md, Errors and CORS): the request's
 * `TrackingID`, and CORS open to any origin (only `/sim` is guarded, middleware/sim-guard.ts).
 * On the hot path (create-app.ts) an answer takes them when it is made, as plain headers that
 * the Node adapter writes as they are; `closeFrame` adds them to any other answer afterwards.
 */
export type Frame = Readonly<Record<string, string>>;

export const EXPOSED_HEADERS = [
  'TrackingID',
  'Location',
  'Link',
  'Retry-After',
  'Content-Disposition',
] as const;
const EXPOSED = EXPOSED_HEADERS.join(',');

export const openFrame = (trackingId: string): Frame => ({
  TrackingID: trackingId,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED,
  Vary: 'Origin',
});

const FRAMED = Symbol('framed');
type Marked = Response & { [FRAMED]?: true };

/** An answer made with its frame's headers already (respond.ts). */
export const markFramed = (res: Response): Response => {
  (res as Marked)[FRAMED] = true;
  return res;
};

export const isFramed = (res: Response): boolean => (res as Marked)[FRAMED] === true;

/** The answer with its frame's headers: as made, or added now. */
export const closeFrame = (res: Response, frame: Frame): Response => {
  if (isFramed(res)) return res;
  const h = res.headers;
  for (const [name, value] of Object.entries(frame))
    if (name !== 'Vary') h.set(name, value);
    else if (
      !(h.get('vary') ?? '').split(',').some((v) => v.trim().toLowerCase() === value.toLowerCase())
    )
      h.append(name, value);
  return res;
};
