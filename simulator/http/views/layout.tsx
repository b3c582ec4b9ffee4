import type { Child } from 'hono/jsx';

export interface LayoutProps {
  readonly title: string;
  readonly lang?: string;
  readonly children?: Child;
}

const css = `
  :root { color-scheme: light; --fg: #1d1d1f; --muted: #5f6368; --line: #e3e5e8; --accent: #0a6ed1; }
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0; }
  header { padding: 14px 28px; border-bottom: 1px solid var(--line); display: flex; gap: 18px; align-items: baseline; }
  header strong { font-size: 17px; }
  main { padding: 24px 28px; max-width: 1100px; }
  a { color: var(--accent); }
  table { border-collapse: collapse; width: 100%; margin: 8px 0 20px; }
  th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { font-weight: 600; color: var(--muted); font-size: 13px; }
  code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f4f5f7; padding: 1px 4px; border-radius: 3px; }
  .muted { color: var(--muted); }
`;

/** The frame of every page the simulator serves. */
export const Layout = ({ title, lang = 'en', children }: LayoutProps) => (
  <html lang={lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <style>{css}</style>
    </head>
    <body>
      <header>
        <strong>provisim</strong>
        <span class="muted">Webex partner provisioning simulator</span>
      </header>
      <main>{children}</main>
    </body>
  </html>
);
