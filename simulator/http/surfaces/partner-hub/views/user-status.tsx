import { raw } from 'hono/html';
import type { UserStatusRow } from '../../../../core/broadworks/user-status.ts';
import { ListBar, Pager, SortHeader, type ListState } from '../../../pages/list-controls.tsx';
import type { ListPage } from '../../../pages/list-view.ts';
import { JumpButton } from '../../sim/views/panel.tsx';

export type StatusRow = UserStatusRow & { actions: string; dueAt?: string };

export interface UserStatusView {
  readonly templateName: string;
  readonly templateHref: string;
  readonly state: ListState;
  readonly page: ListPage<StatusRow>;
  readonly all: number;
  readonly here: string;
  readonly jumpAction?: string;
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
    <div class="breadcrumb">
      <a href={view.templateHref}>{view.templateName}</a> › Show user status
    </div>
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
    <ListBar state={view.state} page={view.page} total={view.all} />
    <div class="table-wrap">
      <table data-testid="user-status">
        <thead>
          <tr>
            <SortHeader state={view.state} label="BroadWorks ID" by="broadworksId" />
            <SortHeader state={view.state} label="Package" by="package" />
            <SortHeader state={view.state} label="Status" by="status" />
            <th scope="col">Error text</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.page.items.map((r) => (
            <tr data-testid={`row-${r.broadworksId}`}>
              <td>{r.broadworksId}</td>
              <td>{r.package}</td>
              <td>
                <span class={`badge ${r.status}`}>{r.status.replace(/_/g, ' ')}</span>
                {r.dueAt ? (
                  <div class="due" data-testid="next-step">
                    Next step at <time datetime={r.dueAt}>{r.dueAt}</time>.{' '}
                    {view.jumpAction ? (
                      <JumpButton action={view.jumpAction} dueAt={r.dueAt} back={view.here} />
                    ) : null}
                  </div>
                ) : null}
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
                        <button
                          type="submit"
                          class="link"
                          data-confirm={`Delete ${r.broadworksId}? They can onboard again later.`}
                          data-confirm-label="Delete user"
                        >
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
    </div>
    <Pager state={view.state} page={view.page} />
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
