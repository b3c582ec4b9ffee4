import { raw } from 'hono/html';
import type { PortalText } from './i18n.ts';

export type PortalView =
  | {
      readonly state: 'form';
      readonly action: string;
      readonly userId: string;
      readonly email: string;
    }
  | { readonly state: 'sent'; readonly email: string }
  | { readonly state: 'verified' }
  | {
      readonly state: 'error';
      readonly message: string;
      /** The core's own (English) text, for the administrator, when it says more. */
      readonly detail?: string;
      readonly retry: string;
    };

const copyScript = `document.addEventListener('click', (e) => {
  const b = e.target.closest('[data-copy]');
  if (b) navigator.clipboard.writeText(document.getElementById(b.dataset.copy).textContent.trim());
});`;

/** The user activation portal (FT-1, FT-2): every failure shows the error and Try again. */
export const Portal = ({ view, t }: { view: PortalView; t: PortalText }) => {
  switch (view.state) {
    case 'sent':
      return (
        <section>
          <h1>{t.sentTitle}</h1>
          <p role="status" data-testid="portal-sent">
            {t.sent(view.email)}
          </p>
        </section>
      );
    case 'verified':
      return (
        <section>
          <h1>{t.verifiedTitle}</h1>
          <p role="status" data-testid="portal-verified">
            {t.verified}
          </p>
          <p class="muted">{t.verifiedNext}</p>
        </section>
      );
    case 'error':
      return (
        <section>
          <h1>{t.errorTitle}</h1>
          <div class="alert" role="alert">
            <span id="portal-error" data-testid="portal-error">
              {view.message}
            </span>
          </div>
          {view.detail ? (
            <details>
              <summary>{t.details}</summary>
              <p data-testid="portal-error-detail">{view.detail}</p>
            </details>
          ) : null}
          <p>
            <a class="button" href={view.retry} data-testid="try-again">
              {t.tryAgain}
            </a>{' '}
            <button type="button" class="secondary" data-copy="portal-error">
              {t.copy}
            </button>
          </p>
          <script>{raw(copyScript)}</script>
        </section>
      );
    default:
      return (
        <section>
          <h1>{t.title}</h1>
          <p>{t.intro}</p>
          <form method="post" action={view.action} class="form">
            <div class="field">
              <label for="userId">{t.userId}</label>
              <input id="userId" name="userId" value={view.userId} autocomplete="username" />
            </div>
            <div class="field">
              <label for="email">{t.email}</label>
              <input id="email" name="email" type="email" value={view.email} autocomplete="email" />
            </div>
            <button type="submit">{t.submit}</button>
          </form>
        </section>
      );
  }
};
