import { raw } from 'hono/html';
import type { UserStatusRow } from '../../../../core/broadworks/user-status.ts';

export interface UserStatusView {
  readonly templateName: string;
  readonly rows: readonly (UserStatusRow & { actions: string })[];
  readonly excludeProvisioned: boolean;
  readonly filterAction: string;
  readonly exportHref: string;
  readonly flash?: { kind: 'ok' | 'error'; text: string };
  readonly packages: readonly string[];
  readonly canWrite: boolean;
}

// Filter on change; the ⋯ menu's Retry activation popup; Copy error text to the clipboard.
const script = `
document.getElementById('excludeProvisioned')?.addEventListener('change', (e) => e.target.form.submit());
document.addEventListener('click', (e) => {
  const retry = e.target.closest('[data-retry]');
  if (retry) {
    const d = document.getElementById('retry-dialog');
    d.querySelector('form').action = retry.dataset.retry;
    d.querySelector('[data-who]').textContent = retry.dataset.who;
    d.showModal();
  }
  if (e.target.matches('[data-cancel]')) document.getElementById('retry-dialog').close();
  const copy = e.target.closest('[data-copy-text]');
  if (copy) navigator.clipboard.writeText(copy.dataset.copyText).then(() => { copy.textContent = 'Copied'; });
});`;

export const UserStatusPage = ({ view }: { view: UserStatusView }) => (
  <section>
    <h1>Show user status</h1>
    <p class="muted">
      Template {view.templateName}: users with their BroadWorks ID, package and status.
    </p>
    {view.flash ? (
      <div
        class={view.flash.kind === 'ok' ? 'success' : 'alert'}
        role={view.flash.kind === 'ok' ? 'status' : 'alert'}
        data-testid="flash"
      >
        {view.flash.text}
      </div>
    ) : null}
    <div class="titlebar">
      <form method="get" action={view.filterAction}>
        <label>
          <input
            type="checkbox"
            id="excludeProvisioned"
            name="excludeProvisioned"
            value="true"
            checked={view.excludeProvisioned}
          />{' '}
          Exclude provisioned users
        </label>
      </form>
      <a class="button" href={view.exportHref} download="user-status.csv">
        Export
      </a>
    </div>
    <table data-testid="user-status">
      <thead>
        <tr>
          <th>BroadWorks ID</th>
          <th>Package</th>
          <th>Status</th>
          <th>Error text</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {view.rows.map((r) => (
          <tr data-testid={`row-${r.broadworksId}`}>
            <td>{r.broadworksId}</td>
            <td>{r.package}</td>
            <td>
              <span class={`badge ${r.status}`}>{r.status.replace(/_/g, ' ')}</span>
            </td>
            <td class="muted">{r.errorText ?? ''}</td>
            <td>
              {view.canWrite && r.status !== 'provisioned' ? (
                <details class="menu">
                  <summary aria-label={`Actions for ${r.broadworksId}`}>⋯</summary>
                  <div class="menu-items">
                    <button
                      type="button"
                      class="link"
                      data-retry={`${r.actions}/retry-activation`}
                      data-who={r.broadworksId}
                    >
                      Retry activation
                    </button>
                    <form method="post" action={`${r.actions}/delete`}>
                      <button type="submit" class="link">
                        Delete user
                      </button>
                    </form>
                    <form method="post" action={`${r.actions}/change-package`}>
                      <select name="package" aria-label="Package">
                        {view.packages.map((p) => (
                          <option value={p} selected={p === r.package}>
                            {p}
                          </option>
                        ))}
                      </select>{' '}
                      <button type="submit" class="link">
                        Change package
                      </button>
                    </form>
                    <button type="button" class="link" data-copy-text={r.errorText ?? ''}>
                      Copy error text
                    </button>
                  </div>
                </details>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    {view.canWrite ? (
      <dialog id="retry-dialog" data-testid="retry-dialog">
        <form method="post">
          <p>
            Retry activation for <strong data-who="" />: enter a valid email address.
          </p>
          <div class="field">
            <label for="retry-email">Email address</label>
            <input id="retry-email" name="email" type="email" />
          </div>
          <button type="submit">Onboard</button>{' '}
          <button type="button" class="secondary" data-cancel="">
            Cancel
          </button>
        </form>
      </dialog>
    ) : null}
    <script>{raw(script)}</script>
  </section>
);
