import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type {
  V1BroadWorksEnterpriseList,
  V1BroadWorksPrecheckBody,
  V1BroadWorksSubscriber,
  V1BroadWorksSubscriberList,
  V1Customer,
  V1CustomerList,
  V1CustomerPrecheck,
  V1CustomerPrecheckBody,
  V1Package,
  V1ProvisionBroadWorksSubscriberBody,
  V1ProvisionCustomerBody,
  V1ProvisionSubscriberBody,
  V1ResourceUrl,
  V1Subscriber,
  V1SubscriberList,
  V1SubscriberPrecheckBody,
  V1UpdateBroadWorksSubscriberBody,
  V1UpdateCustomerBody,
  V1UpdateSubscriberBody,
} from '../../simulator/http/openapi/v1-types.ts';
import { expectValidV1Response, matchV1Operation, orderV1Templates, toAjvSchema, validateV1RequestBody, validateV1Response } from './validate-response.ts';

// The samples are typed with the aliases of v1-types.ts, so tsc checks the types and these tests check
// the same values against Cisco's schemas at run time.
const address = { addressLine1: '771 Alder Drive', city: 'Milpitas', country: 'US' };
const customer: V1Customer = { id: 'abc', externalId: 'ext-1', status: 'provisioned', packages: ['webex_calling'], address, errors: [] };
const bwSubscriber: V1BroadWorksSubscriber = {
  id: 's1',
  userId: '95547321@sp.com',
  spEnterpriseId: 'Reseller1+acme',
  firstName: 'John',
  lastName: 'Andersen',
  package: 'standard',
  status: 'provisioned',
  selfActivated: false,
  errors: [],
};

/** The application/json example Cisco publishes for an operation's status. */
const ciscoExample = (file: string, path: string, method: string, status: number): unknown => {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { example: unknown }> }> }>> };
  return doc.paths[path]?.[method]?.responses[String(status)]?.content['application/json']?.example;
};

const errorsOf = (v: ReturnType<typeof validateV1Response>): string[] => (v.ok ? [] : v.errors);

describe('the /v1 response validator', () => {
  it('accepts a customer that matches the published schema, extra properties included', () => {
    expect(validateV1Response('GET', '/v1/wholesale/customers/abc', 200, customer)).toEqual({ ok: true });
    expect(validateV1Response('GET', '/v1/wholesale/customers/abc?orgId=x', 200, { ...customer, notInTheSchema: 1 })).toEqual({ ok: true });
    const list: V1CustomerList = { items: [customer, { ...customer, id: 'def', status: 'provisioning' }] };
    expect(validateV1Response('GET', '/v1/wholesale/customers', 200, list)).toEqual({ ok: true });
  });

  it('rejects a wrong enum value, naming where and what is allowed', () => {
    const v = validateV1Response('GET', '/v1/wholesale/customers/abc', 200, { ...customer, status: 'bogus' });
    expect(v).toMatchObject({ ok: false, operation: 'GET /v1/wholesale/customers/{customerId} → 200' });
    expect(errorsOf(v)).toEqual([expect.stringMatching(/^\/status must be equal to one of the allowed values: "provisioned", .*"pending_rpl_review"$/)]);
  });

  it('rejects wrong items in a list, every one of them', () => {
    const v = validateV1Response('GET', '/v1/wholesale/customers', 200, { items: [customer, { ...customer, packages: 'webex_calling' }, { ...customer, address: { city: 7 } }] });
    expect(errorsOf(v)).toEqual(['/items/1/packages must be array', '/items/2/address/city must be string']);
    expect(validateV1Response('GET', '/v1/wholesale/customers', 200, { items: [{ ...customer, packages: ['not_a_package'] }] }).ok).toBe(false);
  });

  it('checks the other wholesale answers the simulator gives', () => {
    const url: V1ResourceUrl = { url: 'https://webexapis.com/v1/wholesale/customers/abc' };
    expect(validateV1Response('POST', '/v1/wholesale/customers', 202, url)).toEqual({ ok: true });
    expect(validateV1Response('PUT', '/v1/wholesale/customers/abc', 202, url)).toEqual({ ok: true });
    const pkg: V1Package = { name: 'webex_calling', status: 'provisioned', warnings: [], errors: [], licenseIds: ['l1'] };
    expect(validateV1Response('GET', '/v1/wholesale/customers/abc', 200, { ...customer, resourceDetails: { packages: [pkg] } })).toEqual({ ok: true });
    const badPkg = { ...pkg, status: 'provisioned_with_errors' }; // a customer status, not a package one
    expect(errorsOf(validateV1Response('GET', '/v1/wholesale/customers/abc', 200, { ...customer, resourceDetails: { packages: [badPkg] } }))).toEqual([
      expect.stringMatching(/^\/resourceDetails\/packages\/0\/status must be equal to one of the allowed values/),
    ]);
    const subscriber: V1Subscriber = { id: 's1', email: 'john@acme.example', customerId: 'abc', package: 'webex_calling', packages: ['webex_calling'], status: 'provisioned', errors: [] };
    const subscribers: V1SubscriberList = { items: [subscriber] };
    expect(validateV1Response('GET', '/v1/wholesale/subscribers', 200, subscribers)).toEqual({ ok: true });
    expect(validateV1Response('POST', '/v1/wholesale/subscribers', 202, subscriber)).toEqual({ ok: true });
    expect(errorsOf(validateV1Response('PUT', '/v1/wholesale/subscribers/s1', 200, { ...subscriber, status: 'provisioning' }))[0]).toMatch(/^\/status must be equal/);
  });

  it('resolves literal segments before templated ones (validate is not a customer id)', () => {
    expect(matchV1Operation('POST', '/v1/wholesale/customers/validate')?.template).toBe('/v1/wholesale/customers/validate');
    expect(matchV1Operation('POST', '/v1/wholesale/subscribers/validate')?.template).toBe('/v1/wholesale/subscribers/validate');
    expect(matchV1Operation('POST', '/v1/broadworks/subscribers/validate')).toMatchObject({ id: 'broadworks', template: '/v1/broadworks/subscribers/validate' });
    // Nothing but POST is published on .../validate, so other methods reach the templated path.
    expect(matchV1Operation('PUT', '/v1/wholesale/customers/validate')?.template).toBe('/v1/wholesale/customers/{customerId}');
    expect(matchV1Operation('post', '/v1/broadworks/enterprises/e1/broadworksDirectorySync/externalUser')?.template).toBe(
      '/v1/broadworks/enterprises/{id}/broadworksDirectorySync/externalUser',
    );
    // Cisco's files never publish one method on both, so the order itself is shown on templates of its own.
    const templates = ['/a/{x}/{y}', '/a/{x}/c', '/a/b/{y}', '/a/b', '/{z}/b/c'];
    expect(orderV1Templates(templates, '/v1/a/b/c')).toEqual(['/a/b/{y}', '/a/{x}/c', '/a/{x}/{y}', '/{z}/b/c']);
    expect(orderV1Templates(templates, '/v1/a/q/c?x=1')).toEqual(['/a/{x}/c', '/a/{x}/{y}']);
    expect(orderV1Templates(templates, '/a/b/c')).toEqual([]);
    expect(orderV1Templates(templates, '/v1/a//c')).toEqual([]);
    const precheck: V1CustomerPrecheck = { message: 'success', info: { infoCode: 100, description: 'Provisioning Precheck validation successful.' } };
    expect(validateV1Response('POST', '/v1/wholesale/customers/validate', 200, precheck)).toEqual({ ok: true });
    const v = validateV1Response('POST', '/v1/wholesale/customers/validate', 200, { message: 1 });
    expect(v).toEqual({ ok: false, errors: ['/message must be string'], operation: 'POST /v1/wholesale/customers/validate → 200' });
  });

  it('follows Cisco\'s schemas where their own examples disagree with them', () => {
    // The precheck examples send `info` as an array; the schema says object.
    const precheck = ciscoExample('openapi/webex-wholesale.json', '/wholesale/customers/validate', 'post', 200);
    expect(Array.isArray((precheck as { info: unknown }).info)).toBe(true);
    expect(errorsOf(validateV1Response('POST', '/v1/wholesale/customers/validate', 200, precheck))).toEqual(['/info must be object']);
    // The BroadWorks subscriber examples send `selfActivated` as the string "false"; the schema says boolean.
    const list = ciscoExample('openapi/webex-broadworks.json', '/broadworks/subscribers', 'get', 200);
    expect(errorsOf(validateV1Response('GET', '/v1/broadworks/subscribers', 200, list))).toEqual(['/items/0/selfActivated must be boolean']);
  });

  it('validates BroadWorks answers too', () => {
    const list: V1BroadWorksSubscriberList = { items: [bwSubscriber] };
    expect(validateV1Response('GET', '/v1/broadworks/subscribers', 200, list)).toEqual({ ok: true });
    expect(validateV1Response('GET', '/v1/broadworks/subscribers/s1', 200, bwSubscriber)).toEqual({ ok: true });
    // A wholesale package is not a BroadWorks one: the two files' Subscriber schemas are told apart.
    expect(errorsOf(validateV1Response('GET', '/v1/broadworks/subscribers', 200, { items: [{ ...bwSubscriber, package: 'webex_calling' }] }))[0]).toMatch(
      /^\/items\/0\/package must be equal to one of the allowed values: "softphone", "basic", "standard", "premium"$/,
    );
    expect(errorsOf(validateV1Response('GET', '/v1/broadworks/subscribers', 200, { items: 'none' }))).toEqual(['/items must be array']);
    // The enterprise "list" schema describes one enterprise, so it cannot check `items`: it allows them.
    const enterprises: V1BroadWorksEnterpriseList = { items: [{ id: 'e1', orgId: 'o1', spEnterpriseId: 'Reseller1+acme', broadworksDirectorySync: { enableDirSync: false } }] };
    expect(validateV1Response('GET', '/v1/broadworks/enterprises', 200, enterprises)).toEqual({ ok: true });
    expect(validateV1Response('GET', '/v1/broadworks/enterprises', 200, { id: 7 }).ok).toBe(false);
  });

  it('refuses unknown operations, naming what is published', () => {
    expect(validateV1Response('GET', '/v1/nothing', 200, {})).toEqual({
      ok: false,
      errors: ['no published operation matches GET /v1/nothing in openapi/webex-wholesale.json or openapi/webex-broadworks.json'],
      operation: 'GET /v1/nothing',
    });
    expect(errorsOf(validateV1Response('PATCH', '/v1/wholesale/customers/abc', 200, customer))).toEqual([
      '/v1/wholesale/customers/{customerId} publishes DELETE, GET, PUT, not PATCH',
    ]);
    expect(errorsOf(validateV1Response('GET', '/wholesale/customers/abc', 200, customer))).toEqual(['/wholesale/customers/abc is not a /v1 path']);
    expect(validateV1Response('GET', '/v1/wholesale/customers/', 200, customer).ok).toBe(false);
    expect(errorsOf(validateV1Response('GET', '/v1/wholesale/customers', 299, {}))[0]).toMatch(/^status 299 is not published for this operation \(published: 200, 400/);
  });

  it('accepts an empty body where none is published, and nothing else', () => {
    expect(validateV1Response('DELETE', '/v1/wholesale/subscribers/abc', 204, undefined)).toEqual({ ok: true });
    expect(validateV1Response('DELETE', '/v1/broadworks/subscribers/abc', 204, '')).toEqual({ ok: true });
    expect(validateV1Response('DELETE', '/v1/wholesale/customers/abc', 202, undefined)).toEqual({ ok: true });
    expect(validateV1Response('POST', '/v1/subscribers/abc/emails/consentMove', 204, undefined)).toEqual({ ok: true });
    expect(validateV1Response('DELETE', '/v1/wholesale/subscribers/abc', 204, { x: 1 })).toEqual({
      ok: false,
      errors: ['the operation publishes no JSON body for status 204, but one was sent'],
      operation: 'DELETE /v1/wholesale/subscribers/{subscriberId} → 204',
    });
    // Cisco's files publish no body for any error status either.
    expect(validateV1Response('GET', '/v1/wholesale/customers/abc', 404, { message: 'x' }).ok).toBe(false);
  });

  it('throws an assertion error listing the violations and the operation, for use in tests', () => {
    expect(() => expectValidV1Response({ status: 200, body: customer }, 'GET', '/v1/wholesale/customers/abc')).not.toThrow();
    let thrown: unknown;
    try {
      expectValidV1Response({ status: 200, body: { ...customer, status: 'bogus', errors: 'none' } }, 'GET', '/v1/wholesale/customers/abc');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AssertionError);
    const message = (thrown as AssertionError).message;
    expect(message).toContain('GET /v1/wholesale/customers/{customerId} → 200 does not match');
    expect(message).toContain('/status must be equal to one of the allowed values');
    expect(message).toContain('/errors must be array');
    expect(message).toContain('"status":"bogus"');
  });
});

describe('the /v1 request body check', () => {
  it('accepts bodies typed with the request aliases, and refuses what the schemas refuse', () => {
    const provision: V1ProvisionCustomerBody = { provisioningId: 'p1', packages: ['webex_calling'], externalId: 'ext-1', address };
    expect(validateV1RequestBody('POST', '/v1/wholesale/customers', provision)).toEqual({ ok: true });
    const update: V1UpdateCustomerBody = { packages: ['webex_calling', 'webex_meetings'] };
    expect(validateV1RequestBody('PUT', '/v1/wholesale/customers/abc', update)).toEqual({ ok: true });
    const customerPrecheck: V1CustomerPrecheckBody = { provisioningId: 'p1', packages: ['webex_calling'], address };
    expect(validateV1RequestBody('POST', '/v1/wholesale/customers/validate', customerPrecheck)).toEqual({ ok: true });
    const subscriber: V1ProvisionSubscriberBody = { customerId: 'abc', email: 'john@acme.example', packages: ['webex_calling'], provisioningParameters: { firstName: 'John' } };
    expect(validateV1RequestBody('POST', '/v1/wholesale/subscribers', subscriber)).toEqual({ ok: true });
    const subscriberUpdate: V1UpdateSubscriberBody = { packages: ['webex_meetings'] };
    expect(validateV1RequestBody('PUT', '/v1/wholesale/subscribers/s1', subscriberUpdate)).toEqual({ ok: true });
    const subscriberPrecheck: V1SubscriberPrecheckBody = { email: 'john@acme.example' };
    expect(validateV1RequestBody('POST', '/v1/wholesale/subscribers/validate', subscriberPrecheck)).toEqual({ ok: true });
    const bw: V1ProvisionBroadWorksSubscriberBody = { provisioningId: 'p1', userId: 'u@sp.com', spEnterpriseId: 'Reseller1+acme', firstName: 'John', lastName: 'Andersen', package: 'basic' };
    expect(validateV1RequestBody('POST', '/v1/broadworks/subscribers', bw)).toEqual({ ok: true });
    const bwUpdate: V1UpdateBroadWorksSubscriberBody = { package: 'premium' };
    expect(validateV1RequestBody('PUT', '/v1/broadworks/subscribers/s1', bwUpdate)).toEqual({ ok: true });
    const bwPrecheck: V1BroadWorksPrecheckBody = { provisioningId: 'p1', spEnterpriseId: 'Reseller1+acme', email: 'john@acme.example' };
    expect(validateV1RequestBody('POST', '/v1/broadworks/subscribers/validate', bwPrecheck)).toEqual({ ok: true });

    const { externalId: _dropped, ...withoutExternalId } = provision;
    expect(errorsOf(validateV1RequestBody('POST', '/v1/wholesale/customers', withoutExternalId))).toEqual(["(body) must have required property 'externalId'"]);
    expect(errorsOf(validateV1RequestBody('POST', '/v1/broadworks/subscribers', { ...bw, package: 'gold' }))[0]).toMatch(/^\/package must be equal to one of the allowed values/);
    expect(errorsOf(validateV1RequestBody('DELETE', '/v1/wholesale/customers/abc', { x: 1 }))).toEqual(['the operation publishes no JSON request body, but one was given']);
  });
});

describe('OpenAPI 3.0 schemas for Ajv', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'doc', components: { schemas: { Name: { type: 'string' } } } });

  it('points component refs into the file\'s own id', () => {
    expect(toAjvSchema({ items: { $ref: '#/components/schemas/Name' } }, 'doc')).toEqual({ items: { $ref: 'doc#/components/schemas/Name' } });
  });

  it('reads property names as names and examples as data, not as keywords', () => {
    const schema = {
      type: 'object',
      required: ['nullable'],
      properties: { nullable: { type: 'boolean' }, example: { $ref: '#/components/schemas/Name' } },
      example: { $ref: '#/not/a/ref', nullable: true },
    };
    expect(toAjvSchema(schema, 'doc')).toEqual({ ...schema, properties: { nullable: { type: 'boolean' }, example: { $ref: 'doc#/components/schemas/Name' } } });
    const validate = ajv.compile(toAjvSchema(schema, 'doc') as object);
    expect(validate({ nullable: true, example: 'a' })).toBe(true);
    expect(validate({ nullable: 'yes' })).toBe(false);
    expect(validate({ nullable: true, example: 1 })).toBe(false);
  });

  it('lets null through `nullable: true`, whatever the schema is', () => {
    const cases: [schema: object, accepted: unknown[], refused: unknown[]][] = [
      [{ type: 'string', nullable: true }, [null, 'a'], [1]],
      [{ type: 'string', enum: ['a'], nullable: true }, [null, 'a'], ['b']],
      [{ enum: ['a'], nullable: true }, [null, 'a'], ['b']],
      [{ $ref: '#/components/schemas/Name', nullable: true }, [null, 'a'], [1]],
      [{ type: 'string', nullable: false }, ['a'], [null]],
      [{ type: 'string' }, ['a'], [null]],
    ];
    for (const [schema, accepted, refused] of cases) {
      const validate = ajv.compile(toAjvSchema(schema, 'doc') as object);
      for (const value of accepted) expect(validate(value), `${JSON.stringify(schema)} accepts ${JSON.stringify(value)}`).toBe(true);
      for (const value of refused) expect(validate(value), `${JSON.stringify(schema)} refuses ${JSON.stringify(value)}`).toBe(false);
    }
  });
});
