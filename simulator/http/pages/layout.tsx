import type { Child } from 'hono/jsx';

export interface LayoutProps {
  readonly title: string;
  readonly lang?: string;
  readonly children?: Child;
}

const css = `
  :root { color-scheme: light; --fg: #1d1d1f; --muted: #5f6368; --line: #e3e5e8; --accent: #0a6ed1; }
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--fg); margin: 0; }
  header { padding: 14px 28px; border-bottom: 1px solid var(--line); display: flex; gap: 18px; align-items: baseline; }
  header strong { font-size: 17px; }
  main { padding: 24px 28px; max-width: 1100px; }
  a { color: var(--accent); }
  table { border-collapse: collapse; width: 100%; margin: 8px 0 20px; }
  th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { font-weight: 600; color: var(--muted); font-size: 13px; }
  code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f4f5f7; padding: 1px 4px; border-radius: 3px; }
  .muted { color: var(--muted); }
  h1 { font-size: 24px; }
  .subnav { display: flex; gap: 16px; align-items: baseline; margin-bottom: 12px; }
  .titlebar { display: flex; justify-content: space-between; align-items: center; }
  .button, button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 7px 14px; font: inherit; cursor: pointer; text-decoration: none; }
  button.link { background: none; color: var(--accent); padding: 0; }
  form.inline { display: inline; }
  .form { max-width: 560px; }
  fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 16px; padding: 10px 16px; }
  legend { font-weight: 600; }
  .field { display: flex; flex-direction: column; gap: 3px; margin: 8px 0; }
  .field label { font-weight: 500; }
  .field input:not([type=checkbox]), .field select { font: inherit; padding: 5px 8px; border: 1px solid #c4c8cc; border-radius: 4px; }
  .field.invalid input, .field.invalid select { border-color: #c62828; }
  .checks { display: flex; flex-wrap: wrap; gap: 6px 16px; }
  .error { color: #c62828; }
  .alert { background: #fdecea; border: 1px solid #f5c2c0; color: #8a1c1c; padding: 10px 14px; border-radius: 6px; margin: 10px 0; }
  .warning { background: #fff8e1; border: 1px solid #ffe08a; color: #6b4e00; padding: 10px 14px; border-radius: 6px; margin: 10px 0; }
  .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; background: #eef1f4; color: #334; }
  .badge.provisioned { background: #e6f4ea; color: #1e6b34; }
  .badge.error { background: #fdecea; color: #8a1c1c; }
  .badge.provisioning, .badge.updating, .badge.deleting { background: #e8f0fe; color: #1a4fa0; }
  .success { background: #e6f4ea; border: 1px solid #b7dfc2; color: #1e6b34; padding: 10px 14px; border-radius: 6px; margin: 10px 0; }
  .notice { font-size: 13px; color: #6b4e00; margin-top: 4px; max-width: 320px; }
  button.secondary { background: #eef1f4; color: var(--fg); }
  dialog { border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; }
  .mail { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 12px; margin: 12px 0; }
  .mail h2 { font-size: 17px; }
  .badge.closed { background: #fff3e0; color: #8a4b00; }
  .badge.awaiting_provisioning_details { background: #e8f0fe; color: #1a4fa0; }
  details.menu { position: relative; display: inline-block; }
  details.menu summary { cursor: pointer; list-style: none; padding: 2px 10px; border: 1px solid var(--line); border-radius: 4px; }
  .menu-items { position: absolute; right: 0; z-index: 2; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; display: flex; flex-direction: column; gap: 6px; min-width: 220px; box-shadow: 0 4px 14px rgba(0,0,0,.08); }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 18px; }
  dt { color: var(--muted); }
  dd { margin: 0; }
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
