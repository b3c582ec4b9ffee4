/** The home page's view model: built from the world by the route, never from the store here. */
export interface HomeView {
  readonly base: string;
  readonly now: string;
  readonly clockMode: string;
  readonly seed: number;
  readonly partners: readonly {
    name: string;
    tokens: readonly { role: string; token: string }[];
  }[];
  readonly surfaces: readonly { label: string; href: string; note: string }[];
}

export const Home = ({ view }: { view: HomeView }) => (
  <>
    <h1>Simulator home</h1>
    <p class="muted">
      Virtual time <code data-testid="clock-now">{view.now}</code> ({view.clockMode}), seed{' '}
      <code>{view.seed}</code>, base <code>{view.base}</code>
    </p>
    <h2>Surfaces</h2>
    <table>
      <thead>
        <tr>
          <th>Surface</th>
          <th>Address</th>
          <th>What it is</th>
        </tr>
      </thead>
      <tbody>
        {view.surfaces.map((s) => (
          <tr>
            <td>{s.label}</td>
            <td>
              <a href={s.href}>{s.href}</a>
            </td>
            <td>{s.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {view.partners.length === 0 ? null : (
      <>
        <h2>Partners and tokens</h2>
        <p class="muted">
          Send <code>Authorization: Bearer &lt;token&gt;</code>. Roles: admin (everything), readonly
          (reads and prechecks), orderer (CCW orders), viewer (CCW reads).
        </p>
        <table data-testid="tokens">
          <thead>
            <tr>
              <th>Partner</th>
              <th>Role</th>
              <th>Token</th>
            </tr>
          </thead>
          <tbody>
            {view.partners.flatMap((p) =>
              p.tokens.map((t) => (
                <tr>
                  <td>{p.name}</td>
                  <td>{t.role}</td>
                  <td>
                    <code>{t.token}</code>
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </>
    )}
  </>
);
