import type { Context } from 'hono';
import type { SurfaceEnv } from '../env.ts';
import { pageResponse } from './page-renderer.tsx';

/** A browser's 404: in the layout, with a way home. */
export const notFoundHtml = (c: Context<SurfaceEnv>, message: string): Response =>
  pageResponse(
    c,
    404,
    'Page not found · provisim',
    <section class="error-page">
      <p class="code">404</p>
      <h1>Page not found</h1>
      <p role="alert" data-testid="not-found">
        {message}
      </p>
      <p class="actions">
        <a class="button" href={`${c.env.base}/`}>
          Go to the simulator home
        </a>
        <a href={`${c.env.base}/partner-hub`}>Partner Hub</a>
        <a href={`${c.env.base}/ccw`}>Cisco Commerce Workspace</a>
      </p>
    </section>,
  );

/** What a failed request carried, so a page can send it again (Try again keeps the input). */
export interface Resubmit {
  readonly url: string;
  readonly method: string;
  readonly fields: readonly (readonly [string, string])[];
}

/** A browser's error page (an injected fault, an unexpected failure): styled, with Try again. */
export const errorHtml = (
  c: Context<SurfaceEnv>,
  e: { status: number; message: string; errorCode?: number | undefined },
  retry: Resubmit,
  headers: Readonly<Record<string, string>> = {},
): Response =>
  pageResponse(
    c,
    e.status,
    `Error ${e.status} · provisim`,
    <section class="error-page">
      <p class="code">{e.status}</p>
      <h1>Something went wrong</h1>
      <div class="alert" role="alert" data-testid="fault-error">
        {e.message}
        {e.errorCode !== undefined ? ` (${e.errorCode})` : ''}
      </div>
      <p class="muted">Tracking ID {c.env.trackingId}</p>
      {retry.method === 'GET' ? (
        <p class="actions">
          <a class="button" href={retry.url} data-testid="try-again">
            Try again
          </a>
          <a href={`${c.env.base}/`}>Simulator home</a>
        </p>
      ) : (
        <form method="post" action={retry.url} class="actions">
          {retry.fields.map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <button type="submit" data-testid="try-again">
            Try again
          </button>
          {retry.fields.length > 0 ? (
            <span class="muted">What you entered is sent again.</span>
          ) : null}
          <a href={`${c.env.base}/`}>Simulator home</a>
        </form>
      )}
    </section>,
    headers,
  );
