import type { JournalEntry } from '../../../request-journal.ts';
import { ListBar, Pager, SortHeader, type ListState } from '../../../pages/list-controls.tsx';
import type { ListPage } from '../../../pages/list-view.ts';
import { ErrorSummary, Field, type FormErrors } from '../../partner-hub/views/common.tsx';

export interface Flash {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

export const FlashBox = ({ flash }: { flash?: Flash | undefined }) =>
  flash ? (
    <div
      class={flash.kind === 'ok' ? 'success' : 'alert'}
      role={flash.kind === 'ok' ? 'status' : 'alert'}
      data-testid="flash"
    >
      {flash.text}
    </div>
  ) : null;

/** A button that sets the virtual clock to an instant (the step then runs), and comes back. */
export const JumpButton = ({
  action,
  dueAt,
  back,
  label,
}: {
  action: string;
  dueAt: string;
  back: string;
  label?: string;
}) => (
  <form method="post" action={action} class="inline">
    <input type="hidden" name="set" value={dueAt} />
    <input type="hidden" name="return" value={back} />
    <button type="submit" class="link" data-testid="jump">
      {label ?? 'Jump the clock there'}
    </button>
  </form>
);

export interface StepRow {
  readonly what: string;
  readonly href?: string;
  readonly step: string;
  readonly dueAt: string;
  readonly dueIn: string;
}

export interface OverviewView {
  readonly now: string;
  readonly mode: string;
  readonly speed: number;
  readonly seed: number;
  readonly worldId: string;
  readonly clockAction: string;
  readonly resetAction: string;
  readonly here: string;
  /** The page of scheduled steps shown, of `page.total`. */
  readonly steps: readonly StepRow[];
  readonly state: ListState;
  readonly page: ListPage<unknown>;
  /** How many steps wait, searched or not. */
  readonly stepsInAll: number;
  readonly counts: readonly { label: string; n: number }[];
  readonly flash?: Flash;
  readonly errors: FormErrors;
  readonly values: Readonly<Record<string, string>>;
}

export const Overview = ({ view: v }: { view: OverviewView }) => (
  <section>
    <h1>Simulator control panel</h1>
    <FlashBox flash={v.flash} />
    <ErrorSummary errors={v.errors} />
    <div class="card">
      <h2>Virtual clock</h2>
      <p>
        Now <strong data-testid="panel-now">{v.now}</strong>, {v.mode}
        {v.mode === 'running' ? ` at ×${v.speed}` : ''}. World <code>{v.worldId}</code>, seed{' '}
        <code>{v.seed}</code>.
      </p>
      <form method="post" action={v.clockAction} class="form">
        <input type="hidden" name="return" value={v.here} />
        <Field
          label="Advance by"
          name="advance"
          errors={v.errors}
          hint="An ISO 8601 duration: PT5M, P1DT2H, P7D"
        >
          <input id="advance" name="advance" value={v.values.advance ?? ''} placeholder="PT5M" />
        </Field>
        <Field
          label="Set to"
          name="set"
          errors={v.errors}
          hint="An ISO 8601 date-time, never backwards"
        >
          <input id="set" name="set" value={v.values.set ?? ''} placeholder={v.now} />
        </Field>
        <Field label="Mode" name="mode" errors={v.errors}>
          <select id="mode" name="mode">
            <option value="">(unchanged)</option>
            <option value="frozen">frozen</option>
            <option value="running">running</option>
          </select>
        </Field>
        <Field label="Speed" name="speed" errors={v.errors} hint="Virtual seconds per real second">
          <input
            id="speed"
            name="speed"
            value={v.values.speed ?? ''}
            placeholder={String(v.speed)}
          />
        </Field>
        <div class="actions">
          <button type="submit">Move the clock</button>
          {['PT1M', 'PT5M', 'PT1H', 'P1D', 'P7D'].map((d) => (
            <button type="submit" class="secondary" name="quick" value={d}>
              +{d.replace(/^PT?/, '').toLowerCase()}
            </button>
          ))}
        </div>
      </form>
    </div>
    <div class="card">
      <h2>Scheduled steps</h2>
      {v.page.total === 0 && !v.state.query.q ? (
        <p class="muted">Nothing waits for the clock.</p>
      ) : (
        <>
          <ListBar state={v.state} page={v.page} total={v.stepsInAll} />
          <div class="table-wrap">
            <table data-testid="scheduled-steps">
              <thead>
                <tr>
                  <th scope="col">Resource</th>
                  <th scope="col">Next step</th>
                  <SortHeader state={v.state} label="Due" by="dueAt" />
                  <th scope="col">
                    <span class="visually-hidden">Jump</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.steps.map((s) => (
                  <tr>
                    <td>{s.href ? <a href={s.href}>{s.what}</a> : s.what}</td>
                    <td>{s.step}</td>
                    <td>
                      {s.dueAt} <span class="muted">({s.dueIn})</span>
                    </td>
                    <td>
                      <JumpButton action={v.clockAction} dueAt={s.dueAt} back={v.here} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager state={v.state} page={v.page} />
        </>
      )}
    </div>
    <div class="card">
      <h2>World</h2>
      <dl>
        {v.counts.map((c) => (
          <>
            <dt>{c.label}</dt>
            <dd>{c.n}</dd>
          </>
        ))}
      </dl>
      <form method="post" action={v.resetAction} class="actions" data-confirm-form="">
        <button
          type="submit"
          class="danger"
          data-confirm="Reset the world to its seeded state? Every change is lost."
        >
          Reset the world
        </button>
      </form>
    </div>
  </section>
);

export interface FaultPreset {
  readonly id: string;
  readonly label: string;
}

export interface FaultsView {
  readonly faults: readonly { id: string; text: string; deleteAction: string }[];
  readonly presets: readonly FaultPreset[];
  readonly addAction: string;
  readonly clearAction: string;
  readonly flash?: Flash;
  readonly errors: FormErrors;
  readonly values: Readonly<Record<string, string>>;
}

export const Faults = ({ view: v }: { view: FaultsView }) => (
  <section>
    <h1>Faults</h1>
    <FlashBox flash={v.flash} />
    <div class="card">
      <h2>Active faults</h2>
      {v.faults.length === 0 ? (
        <p class="muted" data-testid="no-faults">
          No fault is active.
        </p>
      ) : (
        <ul data-testid="faults">
          {v.faults.map((f) => (
            <li>
              {f.text}{' '}
              <form method="post" action={f.deleteAction} class="inline">
                <button type="submit" class="link">
                  Remove
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {v.faults.length > 0 ? (
        <form method="post" action={v.clearAction}>
          <button type="submit" class="secondary">
            Remove all
          </button>
        </form>
      ) : null}
    </div>
    <div class="card">
      <h2>Add a preset</h2>
      <form method="post" action={v.addAction} class="actions">
        {v.presets.map((p) => (
          <button type="submit" class="secondary" name="preset" value={p.id}>
            {p.label}
          </button>
        ))}
      </form>
    </div>
    <div class="card">
      <h2>Add a request fault</h2>
      <ErrorSummary errors={v.errors} />
      <form method="post" action={v.addAction} class="form">
        <Field label="Method" name="method" errors={v.errors}>
          <select id="method" name="method">
            {['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => (
              <option value={m} selected={m === (v.values.method ?? '')}>
                {m || 'any'}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Path" name="path" errors={v.errors} hint="Exact, or * for any run: /v1/*">
          <input id="path" name="path" value={v.values.path ?? ''} placeholder="/v1/*" />
        </Field>
        {(
          [
            ['Status', 'status', '503'],
            ['Retry-After (s)', 'retryAfter', ''],
            ['Times', 'times', '1'],
            ['Latency (ms)', 'latencyMs', ''],
            ['Probability (0–1)', 'probability', ''],
            ['Error code', 'errorCode', ''],
            ['Message', 'message', ''],
          ] as const
        ).map(([label, name, ph]) => (
          <Field label={label} name={name} errors={v.errors}>
            <input id={name} name={name} value={v.values[name] ?? ''} placeholder={ph} />
          </Field>
        ))}
        <button type="submit">Add fault</button>
      </form>
    </div>
  </section>
);

export interface DelaysView {
  readonly delays: readonly { name: string; value: string; label: string }[];
  readonly action: string;
  readonly flash?: Flash;
  readonly errors: FormErrors;
}

export const Delays = ({ view: v }: { view: DelaysView }) => (
  <section>
    <h1>Delays</h1>
    <p class="muted">How long each asynchronous step takes in virtual time (ISO 8601 durations).</p>
    <FlashBox flash={v.flash} />
    <ErrorSummary errors={v.errors} />
    <form method="post" action={v.action} class="form card">
      {v.delays.map((d) => (
        <Field label={d.label} name={`delays.${d.name}`} input={d.name} errors={v.errors}>
          <input id={d.name} name={d.name} value={d.value} />
        </Field>
      ))}
      <button type="submit">Save delays</button>
    </form>
  </section>
);

export interface WorldsView {
  readonly worlds: readonly {
    id: string;
    seed: number | undefined;
    panel: string;
    deleteAction: string;
  }[];
  readonly defaultPanel: string;
  readonly createAction: string;
  readonly flash?: Flash;
  readonly errors: FormErrors;
}

export const Worlds = ({ view: v }: { view: WorldsView }) => (
  <section>
    <h1>Worlds</h1>
    <FlashBox flash={v.flash} />
    <div class="table-wrap">
      <table data-testid="worlds">
        <thead>
          <tr>
            <th scope="col">World</th>
            <th scope="col">Seed</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <a href={v.defaultPanel}>default</a>
            </td>
            <td />
            <td />
          </tr>
          {v.worlds.map((w) => (
            <tr>
              <td>
                <a href={w.panel}>{w.id}</a>
              </td>
              <td>{w.seed ?? ''}</td>
              <td>
                <form method="post" action={w.deleteAction} class="inline">
                  <button
                    type="submit"
                    class="link"
                    data-confirm={`Delete world ${w.id}? Everything in it is lost.`}
                  >
                    Delete
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <h2>New world</h2>
    <ErrorSummary errors={v.errors} />
    <form method="post" action={v.createAction} class="form card">
      <Field label="Seed" name="seed" errors={v.errors} hint="Empty: 1">
        <input id="seed" name="seed" inputmode="numeric" />
      </Field>
      <button type="submit">Create world</button>
    </form>
  </section>
);

export interface RequestsView {
  readonly state: ListState;
  readonly page: ListPage<JournalEntry>;
  readonly all: number;
  readonly filters: { method: string; path: string; status: string };
  readonly action: string;
  readonly clearAction: string;
  readonly errors: FormErrors;
}

export const Requests = ({ view: v }: { view: RequestsView }) => (
  <section>
    <h1>Request journal</h1>
    <p class="muted">The last requests this world answered outside /sim, newest first.</p>
    <ErrorSummary errors={v.errors} />
    <form method="get" action={v.action} class="listbar" data-testid="journal-filters">
      <label for="f-method">Method</label>
      <select id="f-method" name="method">
        {['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => (
          <option value={m} selected={m === v.filters.method}>
            {m || 'any'}
          </option>
        ))}
      </select>
      <label for="f-path">Path</label>
      <input id="f-path" name="path" value={v.filters.path} placeholder="/v1/*" />
      <label for="f-status">Status</label>
      <input id="f-status" name="status" value={v.filters.status} placeholder="4xx" size={5} />
      <button type="submit" class="secondary">
        Filter
      </button>
    </form>
    <ListBar state={v.state} page={v.page} total={v.all}>
      <form method="post" action={v.clearAction}>
        <button type="submit" class="secondary">
          Clear the journal
        </button>
      </form>
    </ListBar>
    <div class="table-wrap">
      <table data-testid="journal">
        <thead>
          <tr>
            <SortHeader state={v.state} label="#" by="seq" />
            <SortHeader state={v.state} label="Method" by="method" />
            <SortHeader state={v.state} label="Path" by="path" />
            <SortHeader state={v.state} label="Status" by="status" />
            <SortHeader state={v.state} label="Virtual time" by="seq" />
            <SortHeader state={v.state} label="Duration (ms)" by="durationMs" />
            <th scope="col">Body</th>
          </tr>
        </thead>
        <tbody>
          {v.page.items.map((e) => (
            <tr>
              <td>{e.seq}</td>
              <td>{e.method}</td>
              <td>
                <code>
                  {e.path}
                  {e.query}
                </code>
              </td>
              <td>{e.status}</td>
              <td>{e.time}</td>
              <td>{Math.round(e.durationMs)}</td>
              <td>{e.body ? <code>{e.body.slice(0, 120)}</code> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <Pager state={v.state} page={v.page} />
  </section>
);
