import { Hono, type Context } from 'hono';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import {
  createTemplate,
  deleteTemplate,
  updateTemplate,
} from '../../../core/organisations/templates.ts';
import { templateView } from './template-view.ts';
import { arraySource, pageOf, readListQuery } from '../../pages/list-view.ts';
import { pageUrl } from '../../pages/page-renderer.tsx';
import type { SurfaceEnv } from '../../env.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './views/common.tsx';
import { offerLabel, TemplateDetail, TemplateForm, TemplatesList } from './views/templates.tsx';
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

  app.get('/', async (c) => {
    const w = c.env.world.read();
    const used = new Map<string, number>();
    for (const x of ownList(w, 'customers', c.get('user').partnerId))
      used.set(x.templateId, (used.get(x.templateId) ?? 0) + 1);
    const rows = ownList(w, 'templates', c.get('user').partnerId).map((t) => ({
      id: t.id,
      name: t.name,
      offer: t.offer,
      provisioningId: t.provisioningId,
      customers: used.get(t.id) ?? 0,
      href: href(c, `/${t.id}`),
    }));
    const source = arraySource(rows, {
      text: (r) => `${r.name} ${r.offer} ${r.provisioningId}`,
      keys: { name: (r) => r.name, offer: (r) => r.offer, customers: (r) => r.customers },
    });
    const query = readListQuery((k) => c.req.query(k), { sort: 'name' }, source.sortKeys);
    const page = await pageOf(source, query);
    return c.render(
      <TemplatesList
        state={{ url: pageUrl(c), query, noun: 'templates' }}
        page={page}
        all={rows.length}
        newHref={href(c, '/new')}
        canWrite={canWrite(c.get('user'))}
        flash={c.req.query('done') ? { kind: 'ok', text: c.req.query('done') ?? '' } : undefined}
      />,
      { title: 'Templates · Partner Hub' },
    );
  });

  const form = (
    c: Context<SurfaceEnv>,
    values: Record<string, string>,
    errors: FormErrors,
    edit?: { id: string; name: string; offer: string },
  ) => {
    const w = c.env.world.read();
    const subscriptions = w
      .list('subscriptions')
      .filter((s) => s.partnerId === c.get('user').partnerId);
    return c.render(
      <TemplateForm
        view={{
          action: edit ? href(c, `/${edit.id}/edit`) : href(c, '/new'),
          ...(edit
            ? { edit: { name: edit.name, offer: edit.offer, cancelHref: href(c, `/${edit.id}`) } }
            : {}),
          values,
          errors,
          countries: w.meta.supportedCountries,
          subscriptions,
          pstnProviders: w.meta.pstnProviders,
        }}
      />,
      { title: edit ? `Edit ${edit.name} · Partner Hub` : 'Create template · Partner Hub' },
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
  const template = (c: Context<SurfaceEnv>) =>
    ownedBy(
      c.env.world.read(),
      'templates',
      c.req.param('id') ?? '',
      c.get('user').partnerId,
      'Template',
    );

  app.get('/:id/edit', (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const found = template(c);
    if (!found.ok) return notFoundPage(c, found.error.message);
    const t = found.value;
    const values: Record<string, string> = {
      name: t.name,
      offer: t.offer,
      country: t.country,
      language: t.language,
      ...(t.subscriptionId ? { subscriptionId: t.subscriptionId } : {}),
      ...(t.authMethod ? { authMethod: t.authMethod } : {}),
      ...(t.pstnProvider ? { pstnProvider: t.pstnProvider } : {}),
      ...(t.userVerification ? { emailTrust: t.userVerification.emailTrust } : {}),
      ...(t.userVerification?.shareLink ? { shareLink: t.userVerification.shareLink } : {}),
    };
    return form(c, values, NO_ERRORS, t);
  });
  app.post('/:id/edit', async (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const found = template(c);
    if (!found.ok) return notFoundPage(c, found.error.message);
    const t = found.value;
    const values: Record<string, string> = { ...(await formValues(c)), offer: t.offer };
    const body: Record<string, unknown> = { ...templateBody(values) };
    delete body.offer;
    if (t.offer === 'wholesale' && !values.pstnProvider) body.pstnProvider = null;
    const r = c.env.world.transact((tx) => updateTemplate(tx, c.get('user'), t.id, body));
    if (r.ok)
      return c.redirect(
        `${href(c, `/${t.id}`)}?done=${encodeURIComponent('The template was saved.')}`,
        303,
      );
    c.status(r.error.status === 404 ? 400 : (r.error.status as 400));
    const descriptions = r.error.errors.map((e) =>
      r.error.status === 409 ? `name: ${e.description}` : e.description,
    );
    return form(c, values, formErrors(descriptions), t);
  });
  app.post('/:id/delete', (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const found = template(c);
    if (!found.ok) return notFoundPage(c, found.error.message);
    const r = c.env.world.transact((tx) => deleteTemplate(tx, c.get('user'), found.value.id));
    if (r.ok)
      return c.redirect(
        `${href(c)}?done=${encodeURIComponent(`Template ${found.value.name} was deleted.`)}`,
        303,
      );
    return c.redirect(
      `${href(c, `/${found.value.id}`)}?failed=${encodeURIComponent(r.error.message)}`,
      303,
    );
  });

  app.get('/:id', (c) => {
    const found = template(c);
    if (!found.ok) return notFoundPage(c, found.error.message);
    const w = c.env.world.read();
    const t = templateView(found.value, c.env.base);
    const subscription = t.subscriptionId ? w.get('subscriptions', t.subscriptionId) : undefined;
    const rows = [
      { label: 'Offer', value: offerLabel(t.offer) },
      { label: 'Provisioning ID', value: t.provisioningId },
      { label: 'Country', value: t.country },
      { label: 'Language', value: t.language },
      ...(t.subscriptionId
        ? [{ label: 'Wholesale subscription', value: subscription?.name ?? t.subscriptionId }]
        : []),
      ...(t.authMethod
        ? [
            {
              label: 'Authentication',
              value: t.authMethod === 'partner_sso' ? 'Partner SSO' : 'Webex authentication',
            },
          ]
        : []),
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
        ? [{ label: 'Share link', value: t.userVerification.shareLink, link: true }]
        : []),
      ...(t.activationLink
        ? [{ label: 'Activation link', value: t.activationLink, link: true }]
        : []),
    ];
    const userStatusHref = t.offer === 'broadworks' ? href(c, `/${t.id}/user-status`) : undefined;
    const write = canWrite(c.get('user'));
    const done = c.req.query('done');
    const failed = c.req.query('failed');
    return c.render(
      <TemplateDetail
        view={{
          name: t.name,
          rows,
          warnings: t.warnings.map((x) => x.description),
          backHref: href(c),
          customers: w.lookup('customers', 'templateId', t.id).length,
          ...(userStatusHref ? { userStatusHref } : {}),
          ...(write
            ? { editHref: href(c, `/${t.id}/edit`), deleteAction: href(c, `/${t.id}/delete`) }
            : {}),
          ...(done ? { flash: { kind: 'ok' as const, text: done } } : {}),
          ...(failed ? { flash: { kind: 'error' as const, text: failed } } : {}),
        }}
      />,
      { title: `${t.name} · Partner Hub` },
    );
  });
  return app;
};
