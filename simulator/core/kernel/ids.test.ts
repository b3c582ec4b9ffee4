import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWebexId, webexId, type WebexIdType } from './ids.ts';

const TYPES: readonly WebexIdType[] = [
  'ORGANIZATION',
  'PEOPLE',
  'LOCATION',
  'SUBSCRIPTION',
  'ENTERPRISE',
  'SUBSCRIBER',
  'BROADWORKS_SUBSCRIBER',
  'BROADWORKS_ENTERPRISE',
  'PARTNER',
  'TEMPLATE',
  'ORDER',
  'ORDER_LINE',
  'SUPPORT_CASE',
  'CASE',
  'MAIL',
  'FAULT',
  'EVENT',
  'BILLING_REPORT',
  'PLACE',
];

describe('webexId', () => {
  it('is base64url, unpadded, of ciscospark://us/<TYPE>/<uuid>, for every type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.uuid(), (type, uuid) => {
        const id = webexId(type, uuid);
        expect(id).toBe(Buffer.from(`ciscospark://us/${type}/${uuid}`).toString('base64url'));
        expect(decodeWebexId(id)).toEqual({ type, uuid });
      }),
    );
  });

  it("matches a person id from Cisco's webex-broadworks.json", () => {
    expect(webexId('PEOPLE', 'f5b36187-c8dd-4727-8b2f-f9c447f29046')).toBe(
      'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY',
    );
  });

  it('decodes nothing that is not a Webex id', () => {
    expect(decodeWebexId('not-an-id')).toBeUndefined();
    expect(decodeWebexId(Buffer.from('ciscospark://us/PEOPLE/xyz').toString('base64url'))).toBe(
      undefined,
    );
  });
});
