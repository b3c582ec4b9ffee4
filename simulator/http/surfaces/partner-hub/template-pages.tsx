import { Hono, type Context } from 'hono';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import { createTemplate } from '../../../core/organisations/templates.ts';
import { templateView } from './template-view.ts';
import type { SurfaceEnv } from '../../env.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './views/common.tsx';
import { TemplateDetail, TemplateForm, TemplatesList } from './views/templates.tsx';
import { canWrite, forbiddenPage, formValues, notFoundPage } from '../../pages/page-helpers.tsx';
import { userStatusPages } from './user-status-pages.tsx';

/** The template form's fields as the Partner Hub API body (only the offer's own settings). */
export const templateBody = (v: Readonly<Record<string, string>>): Record<string, unknown> => {
  const body: Record<string, unknown> = {
    name: v.name ?? '',
    offer: v.offer ?? 'wholesale',
    country: v.country ?? '',
    language: v.language ?? '',
  };
  if (body.offer === 'wholesale') {
    if (v.subscriptionId) body.subscriptionId = v.subscriptionId;
    if (v.authMethod) body.authMethod = v.authMethod;
    if (v.pstnProvider) body.pstnProvider = v.pstnProvider;
  } else {
    body.userVerification = {
      emailTrust: v.emailTrust ?? 'untrusted',
      ...(v.shareLink ? { shareLink: v.shareLink } : {}),
    };
  }
  return body;
};

/** Partner Hub, Templates (TPL-1..4): list, create form, detail. */
export const templatePages = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const href = (c: Context<SurfaceEnv>, path = '') => `${c.env.base}/partner-hub/templates${path}`;

  app.get('/', (c) => {
    const rows = ownList(c.env.world.read(), 'templates', c.get('user').partnerId).map((t) => ({
      id: t.id,
      name: t.name,
      offer: t.offer,
      provisioningId: t.provisioningId,
      href: href(c, `/${t.id}`),
    }));
    return c.render(
      <TemplatesList rows={rows} newHref={href(c, '/new')} canWrite={canWrite(c.get('user'))} />,
      { title: 'Templates · Partner Hub' },
    );
  });

  const form = (c: Context<SurfaceEnv>, values: Record<string, string>, errors: FormErrors) => {
    const w = c.env.world.read();
    const subscriptions = w
      .list('subscriptions')
      .filter((s) => s.partnerId === c.get('user').partnerId);
    return c.render(
      <TemplateForm
        view={{
          action: href(c, '/new'),
          values,
          errors,
          countries: w.meta.supportedCountries,
          subscriptions,
          pstnProviders: w.meta.pstnProviders,
        }}
      />,
      { title: 'Create template · Partner Hub' },
    );
  };

  app.get('/new', (c) => (canWrite(c.get('user')) ? form(c, {}, NO_ERRORS) : forbiddenPage(c)));
  app.post('/new', async (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const values = await formValues(c);
    const r = c.env.world.transact((tx) => createTemplate(tx, c.get('user'), templateBody(values)));
    if (r.ok) return c.redirect(href(c, `/${r.value.id}`), 303);
    c.status(r.error.status === 404 ? 400 : (r.error.status as 400));
    return form(c, values, formErrors(r.error.errors.map((e) => e.description)));
  });

  app.route('/', userStatusPages());
  app.get('/:id', (c) => {
    const found = ownedBy(
      c.env.world.read(),
      'templates',
      c.req.param('id'),
      c.get('user').partnerId,
      'Template',
    );
    if (!found.ok) return notFoundPage(c, found.error.message);
    const t = templateView(found.value, c.env.base);
    const rows = [
      {
        label: 'Offer',
        value: t.offer === 'wholesale' ? 'Webex for Wholesale' : 'Webex for BroadWorks',
      },
      { label: 'Provisioning ID', value: t.provisioningId },
      { label: 'Country', value: t.country },
      { label: 'Language', value: t.language },
      ...(t.subscriptionId ? [{ label: 'Wholesale subscription', value: t.subscriptionId }] : []),
      ...(t.authMethod ? [{ label: 'Authentication', value: t.authMethod }] : []),
      ...(t.pstnProvider
        ? [{ label: 'Cloud-connected PSTN provider', value: t.pstnProvider }]
        : []),
      ...(t.userVerification
        ? [
            {
              label: 'User verification',
              value:
                t.userVerification.emailTrust === 'untrusted'
                  ? 'Untrusted emails'
                  : 'Trusted emails',
            },
          ]
        : []),
      ...(t.userVerification?.shareLink
        ? [{ label: 'Share link', value: t.userVerification.shareLink }]
        : []),
      ...(t.activationLink ? [{ label: 'Activation link', value: t.activationLink }] : []),
    ];
    const userStatusHref = t.offer === 'broadworks' ? href(c, `/${t.id}/user-status`) : undefined;
    return c.render(
      <TemplateDetail
        view={{
          name: t.name,
          rows,
          warnings: t.warnings.map((w) => w.description),
          backHref: href(c),
          ...(userStatusHref ? { userStatusHref } : {}),
        }}
      />,
      { title: `${t.name} · Partner Hub` },
    );
  });
  return app;
};
