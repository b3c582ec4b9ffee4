import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { MOMENTUM_ICONS, type IconName } from './assets/momentum.ts';

/** A Momentum icon, inline so it takes the text's colour. */
export const Icon = ({ name }: { name: IconName }) => (
  <span class="icon" aria-hidden="true">
    {raw(MOMENTUM_ICONS[name])}
  </span>
);

export interface NavItem {
  readonly label: string;
  readonly href: string;
  readonly icon: IconName;
  readonly current: boolean;
}

/** What the banner tells on every page: the virtual time and any active fault. */
export interface BannerView {
  readonly now: string;
  readonly mode: string;
  readonly speed: number;
  readonly faults: readonly string[];
  /** The control panel, when `/sim` is on. */
  readonly panelHref?: string;
}

export interface LayoutProps {
  readonly title: string;
  readonly lang?: string;
  /** The world's base URL: assets and the home link hang off it. */
  readonly base: string;
  /** The product whose pages these are (Partner Hub, Cisco Commerce Workspace, …). */
  readonly product?: string;
  readonly nav?: readonly NavItem[];
  readonly navLabel?: string;
  readonly who?: string;
  readonly signOut?: string;
  readonly banner?: BannerView;
  /** Seconds after which the browser reloads the page (a job in progress). */
  readonly refresh?: number | undefined;
  readonly children?: Child;
}

const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

export const Banner = ({ b }: { b: BannerView }) => (
  <div
    class={b.faults.length > 0 ? 'banner faulty' : 'banner'}
    role="region"
    aria-label="Simulator status"
    data-testid="sim-banner"
  >
    <span>
      Virtual time <strong data-testid="banner-now">{when(b.now)}</strong> ({b.mode}
      {b.mode === 'running' && b.speed !== 1 ? `, ×${b.speed}` : ''})
    </span>
    {b.faults.length > 0 ? (
      <span class="fault" data-testid="banner-faults">
        ⚠ {b.faults.length === 1 ? 'Active fault' : `${b.faults.length} active faults`}:{' '}
        {b.faults.join('; ')}
      </span>
    ) : (
      <span>No active fault</span>
    )}
    {b.panelHref ? <a href={b.panelHref}>Control panel</a> : null}
  </div>
);

/** The frame of every page the simulator serves: top bar, banner, left navigation, content. */
export const Layout = (p: LayoutProps) => (
  <html lang={p.lang ?? 'en'}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{p.title}</title>
      {p.refresh !== undefined ? <meta http-equiv="refresh" content={String(p.refresh)} /> : null}
      <link rel="icon" type="image/svg+xml" href={`${p.base}/favicon.svg`} />
      <link rel="stylesheet" href={`${p.base}/assets/momentum.css`} />
      <link rel="stylesheet" href={`${p.base}/assets/provisim.css`} />
      <script src={`${p.base}/assets/provisim.js`} defer />
    </head>
    <body class="mds-theme-stable-lightWebex mds-typography">
      <header class="topbar">
        <a class="brand" href={`${p.base}/`} data-testid="home-link">
          <img src={`${p.base}/favicon.svg`} alt="" width="24" height="24" />
          provisim
        </a>
        {p.product ? <span class="product">{p.product}</span> : null}
        <span class="spacer" />
        {p.who ? <span class="who">Signed in as {p.who}</span> : null}
        {p.signOut ? (
          <form method="post" action={p.signOut} class="inline">
            <button type="submit" class="secondary">
              Sign out
            </button>
          </form>
        ) : null}
      </header>
      {p.banner ? <Banner b={p.banner} /> : null}
      <div class="shell">
        {p.nav && p.nav.length > 0 ? (
          <nav class="sidenav" aria-label={p.navLabel ?? p.product ?? 'Sections'}>
            {p.nav.map((n) => (
              <a href={n.href} {...(n.current ? { 'aria-current': 'page' } : {})}>
                <Icon name={n.icon} />
                {n.label}
              </a>
            ))}
          </nav>
        ) : null}
        <main id="main">{p.children}</main>
      </div>
      <dialog
        id="confirm-dialog"
        aria-labelledby="confirm-dialog-text"
        data-testid="confirm-dialog"
      >
        <form method="dialog">
          <p id="confirm-dialog-text" data-confirm-text="" />
          <div class="actions">
            <button type="submit" value="yes" data-confirm-yes="" class="danger">
              Yes
            </button>
            <button type="submit" value="no" class="secondary">
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </body>
  </html>
);
