/**
 * The pages' own style sheet, over Momentum's tokens (served as `/assets/provisim.css`). Every
 * token has a fallback, so a page stays readable where the token sheet is missing.
 */
const t = (name: string, fallback: string) => `var(--mds-color-theme-${name}, ${fallback})`;

const fg = t('text-primary-normal', '#000000f2');
const muted = t('text-secondary-normal', '#000000b3');
const line = t('outline-secondary-normal', '#0000001f');
const accent = t('text-accent-normal', '#0353a8');
const surface = t('background-solid-primary-normal', '#ffffff');
const canvas = t('background-solid-secondary-normal', '#f7f7f7');
const error = t('text-error-normal', '#ab0a15');
const success = t('text-success-normal', '#185e46');
const warning = t('text-warning-normal', '#7d4705');

export const PROVISIM_CSS = `
@font-face { font-family: "Momentum"; src: url("fonts/Inter.var.woff2") format("woff2"); font-style: normal; font-display: swap; font-weight: 1 1000; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font: 14px/1.45 var(--mds-font-family-primary, Momentum, Inter, system-ui, "Segoe UI", "DejaVu Sans", Arial, sans-serif); color: ${fg}; background: ${canvas}; }
a { color: ${accent}; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 2px solid ${accent}; outline-offset: 2px; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, "DejaVu Sans Mono", monospace; background: #0000000d; padding: 1px 4px; border-radius: 4px; word-break: break-all; }
h1 { font-size: 24px; font-weight: 600; margin: 4px 0 16px; display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
h2 { font-size: 18px; font-weight: 600; margin: 24px 0 8px; }
h3 { font-size: 15px; font-weight: 600; }
.muted { color: ${muted}; }
.icon { width: 18px; height: 18px; fill: currentColor; flex: none; }
.icon svg { width: 100%; height: 100%; fill: currentColor; display: block; }

/* The frame: top bar, banner, left navigation, content. */
.topbar { display: flex; align-items: center; gap: 14px; padding: 0 20px; height: 52px; background: ${surface}; border-bottom: 1px solid ${line}; }
.topbar .brand { font-weight: 600; font-size: 16px; color: ${fg}; text-decoration: none; display: flex; gap: 8px; align-items: center; }
.topbar .product { color: ${muted}; }
.topbar .spacer { flex: 1; }
.topbar .who { color: ${muted}; font-size: 13px; }
.banner { display: flex; gap: 18px; align-items: center; flex-wrap: wrap; padding: 6px 20px; font-size: 13px; background: #eaf4ff; color: #0a274a; border-bottom: 1px solid #bfe3ff; }
.banner.faulty { background: #fff4e5; color: #36220c; border-bottom-color: #f5c27a; }
.banner a { color: inherit; font-weight: 600; }
.banner .fault { font-weight: 600; }
.shell { display: flex; min-height: calc(100vh - 52px); }
.sidenav { width: 220px; flex: none; background: ${surface}; border-right: 1px solid ${line}; padding: 12px 8px; }
.sidenav h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: ${muted}; margin: 8px 12px; }
.sidenav a { display: flex; gap: 10px; align-items: center; padding: 8px 12px; border-radius: 8px; color: ${fg}; text-decoration: none; }
.sidenav a:hover { background: #0000000d; }
.sidenav a[aria-current="page"] { background: #0000001a; font-weight: 600; }
main { flex: 1; min-width: 0; padding: 24px 32px 48px; max-width: 1280px; }
.card { background: ${surface}; border: 1px solid ${line}; border-radius: 12px; padding: 16px 20px; margin: 0 0 16px; }
.breadcrumb { font-size: 13px; margin-bottom: 6px; }


/* Tabs */
.tabs { display: flex; gap: 4px; border-bottom: 1px solid ${line}; margin: 0 0 16px; }
.tabs a { padding: 8px 14px; text-decoration: none; color: ${muted}; border-bottom: 2px solid transparent; }
.tabs a[aria-current="page"] { color: ${fg}; border-bottom-color: ${fg}; font-weight: 600; }

/* Tables and lists */
table { border-collapse: collapse; width: 100%; background: ${surface}; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid ${line}; vertical-align: top; }
th { font-weight: 600; color: ${muted}; font-size: 12.5px; white-space: nowrap; }
th a { color: inherit; text-decoration: none; }
th a:hover { text-decoration: underline; }
tbody tr:hover { background: #00000008; }
.table-wrap { background: ${surface}; border: 1px solid ${line}; border-radius: 12px; overflow: auto; margin: 8px 0 16px; }
.table-wrap table { border: 0; }
.listbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 4px 0 8px; }
.listbar .count { color: ${muted}; }
.listbar form { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.pager { display: flex; gap: 10px; align-items: center; justify-content: flex-end; margin: 8px 0 16px; font-size: 13px; }
.pager a, .pager span.off { padding: 4px 10px; border-radius: 6px; border: 1px solid ${line}; text-decoration: none; background: ${surface}; }
.pager span.off { color: ${muted}; }
progress { width: 100%; height: 12px; accent-color: ${accent}; }

/* Buttons */
.button, button { display: inline-flex; align-items: center; gap: 6px; background: ${t('button-primary-normal', '#000000f2')}; color: #fff; border: 1px solid transparent; border-radius: 20px; padding: 6px 16px; font: inherit; font-weight: 500; cursor: pointer; text-decoration: none; line-height: 20px; }
.button:hover, button:hover { background: #000000cc; }
button.secondary, .button.secondary { background: ${surface}; color: ${fg}; border-color: #00000080; }
button.secondary:hover, .button.secondary:hover { background: #0000000d; }
button.danger, .button.danger { background: #c1121f; color: #fff; }
button.link { background: none; color: ${accent}; padding: 0; border: 0; border-radius: 0; font-weight: 400; text-decoration: underline; }
button:disabled, button[aria-disabled="true"] { background: #0000001a; color: #00000066; cursor: not-allowed; border-color: transparent; }
form.inline { display: inline; }
.actions { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin: 12px 0; }
.titlebar { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap; }

/* Forms */
.form { max-width: 620px; }
fieldset { border: 1px solid ${line}; border-radius: 12px; margin: 0 0 16px; padding: 10px 16px 14px; background: ${surface}; }
legend { font-weight: 600; padding: 0 4px; }
.field { display: flex; flex-direction: column; gap: 4px; margin: 10px 0; }
.field label { font-weight: 500; }
input:not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea { font: inherit; padding: 6px 10px; border: 1px solid #00000080; border-radius: 8px; background: ${surface}; color: ${fg}; min-height: 32px; }
.field.invalid input, .field.invalid select, input[aria-invalid="true"], select[aria-invalid="true"] { border-color: ${error}; border-width: 2px; }
.checks { display: flex; flex-wrap: wrap; gap: 6px 16px; }
.error { color: ${error}; font-size: 13px; }
small.error::before { content: "⚠ "; }
td .error { display: block; margin-top: 2px; }
.alert, .warning, .success, .info { padding: 10px 14px; border-radius: 8px; margin: 10px 0; border: 1px solid; }
.alert { background: #fdecea; border-color: #f5c2c0; color: ${error}; }
.warning { background: #fff4e5; border-color: #f5c27a; color: ${warning}; }
.success { background: #e6f4ea; border-color: #b7dfc2; color: ${success}; }
.info { background: #eaf4ff; border-color: #bfe3ff; color: #0a274a; }
.alert ul { margin: 6px 0 0; padding-left: 20px; }

/* Status badges */
.badge { display: inline-block; padding: 1px 10px; border-radius: 12px; font-size: 12px; font-weight: 500; background: #0000000f; color: ${fg}; white-space: nowrap; }
.badge.provisioned { background: #d9f2e3; color: ${success}; }
.badge.error, .badge.provisioned_with_errors { background: #fde2e1; color: ${error}; }
.badge.provisioning, .badge.updating, .badge.deleting, .badge.pending_email_validation, .badge.pending_email_input, .badge.pending_user_migration, .badge.awaiting_provisioning_details, .badge.pending_rpl_review { background: #dcecff; color: #0a3a78; }
.badge.closed { background: #ffe9cc; color: ${warning}; }
.notice { font-size: 12.5px; color: ${warning}; margin-top: 4px; max-width: 340px; }
.due { font-size: 12.5px; color: ${muted}; margin-top: 4px; }
.due form { display: inline; }

/* Definition lists, dialogs, menus, mail */
dl { display: grid; grid-template-columns: max-content 1fr; gap: 8px 24px; margin: 0; }
dt { color: ${muted}; }
dd { margin: 0; min-width: 0; }
dialog { border: 1px solid ${line}; border-radius: 12px; padding: 20px 24px; max-width: 480px; box-shadow: 0 8px 28px #00000033; }
dialog::backdrop { background: #00000066; }
details.menu { position: relative; display: inline-block; }
details.menu summary { cursor: pointer; list-style: none; padding: 2px 10px; border: 1px solid ${line}; border-radius: 6px; background: ${surface}; }
.menu-items { position: absolute; right: 0; z-index: 2; background: ${surface}; border: 1px solid ${line}; border-radius: 8px; padding: 10px 12px; display: flex; flex-direction: column; gap: 8px; min-width: 240px; box-shadow: 0 4px 14px #00000014; }
.mail { background: ${surface}; border: 1px solid ${line}; border-radius: 12px; padding: 6px 18px 14px; margin: 12px 0; }
.mail h2 { font-size: 16px; }
pre { background: #0000000a; padding: 10px; border-radius: 8px; overflow: auto; max-height: 320px; font-size: 12.5px; }
.error-page { max-width: 640px; }
.error-page .code { font-size: 48px; font-weight: 300; color: ${muted}; margin: 0; }
.schema { font-size: 13px; }
.schema table th, .schema table td { padding: 4px 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.icon-label { display: inline-flex; color: ${muted}; }
@media (max-width: 800px) { .shell { flex-direction: column; } .sidenav { width: auto; display: flex; flex-wrap: wrap; } main { padding: 16px; } }
`;

/** The favicon: a Webex-like mark (an SVG, no binary asset). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0353a8"/><path d="M7 10l3.2 12h2.6L16 13.6 19.2 22h2.6L25 10h-2.8l-1.9 8.2L17.3 10h-2.6l-3 8.2L9.8 10z" fill="#fff"/></svg>`;

/**
 * The pages' one script (`/assets/provisim.js`): a button with `data-confirm` asks in a dialog
 * before its form is sent (destructive actions).
 */
export const PROVISIM_JS = `
document.addEventListener('click', (e) => {
  const b = e.target.closest && e.target.closest('button[data-confirm]');
  if (!b || b.dataset.confirmed) return;
  const d = document.getElementById('confirm-dialog');
  if (!d || !d.showModal) return;
  e.preventDefault();
  d.querySelector('[data-confirm-text]').textContent = b.dataset.confirm;
  d.querySelector('[data-confirm-yes]').textContent = b.dataset.confirmLabel || 'Yes';
  d.returnValue = '';
  d.onclose = () => {
    if (d.returnValue !== 'yes') return;
    b.dataset.confirmed = '1';
    b.click();
    delete b.dataset.confirmed;
  };
  d.showModal();
});
`;
