import { beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db-types.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { testDatabase } from '../../test/support/test-database.ts';
import { testServer } from '../../test/support/test-server.ts';
import { clientAddress, normaliseAddress, subnetOf } from './address.ts';

describe('an address in its one written form', () => {
  it('keeps IPv4 as it is and writes IPv6 as RFC 5952 does', () => {
    expect(normaliseAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseAddress('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normaliseAddress('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(normaliseAddress('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(normaliseAddress('::')).toBe('::');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
  });

  it('takes an IPv4 address inside IPv6 for the IPv4 address it is', () => {
    expect(normaliseAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseAddress('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(normaliseAddress('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('gives back what is not an address unchanged', () => {
    expect(normaliseAddress('unknown')).toBe('unknown');
  });
});

describe('the subnet of an address', () => {
  it('is the /24 of IPv4, IPv4-mapped IPv6 included', () => {
    expect(subnetOf('203.0.113.7')).toBe('203.0.113.0/24');
    expect(subnetOf('::ffff:203.0.113.200')).toBe('203.0.113.0/24');
  });

  it('is the /48 of IPv6, however the address is written', () => {
    expect(subnetOf('2001:db8:1234:5678::1')).toBe('2001:db8:1234::/48');
    expect(subnetOf('2001:0db8:1234:ffff:0:0:0:9')).toBe('2001:db8:1234::/48');
    expect(subnetOf('2001:db8::1')).toBe('2001:db8::/48');
    expect(subnetOf('2409:8a00:1:2:3:4:5:6')).toBe('2409:8a00:1::/48');
  });

  it('refuses what is not an address: a subnet of nothing would count strangers together', () => {
    expect(() => subnetOf('unknown')).toThrow('subnetOf: not an IP address: unknown');
  });
});

describe('the client address of a request', () => {
  let db: Kysely<Database>;
  beforeAll(async () => {
    db = await testDatabase();
  });

  const server = (trustProxy: boolean | string[]) =>
    testServer(db, {
      config: { trustProxy },
      registerRoutes: [
        (app) => {
          app.get('/address', async (request) => ({ address: clientAddress(request), subnet: subnetOf(clientAddress(request)) }));
        },
      ],
    });
  const addressSeen = async (app: LeitaiApp, remoteAddress: string, forwardedFor?: string) =>
    (
      await app.inject({
        method: 'GET',
        url: '/address',
        remoteAddress,
        headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
      })
    ).json();

  it('ignores X-Forwarded-For when no proxy is trusted: a client could write it itself', async () => {
    const app = await server(false);
    expect(await addressSeen(app, '198.51.100.20', '203.0.113.7')).toEqual({ address: '198.51.100.20', subnet: '198.51.100.0/24' });
  });

  it('believes X-Forwarded-For from a trusted proxy only, never from a peer outside its ranges', async () => {
    const app = await server(['10.0.0.0/8']);
    expect(await addressSeen(app, '10.1.2.3', '203.0.113.7')).toEqual({ address: '203.0.113.7', subnet: '203.0.113.0/24' });
    expect(await addressSeen(app, '198.51.100.20', '203.0.113.7')).toEqual({ address: '198.51.100.20', subnet: '198.51.100.0/24' });
  });

  it('takes the address the trusted proxy saw, not what the client prepended to the header', async () => {
    const app = await server(['10.0.0.0/8']);
    expect((await addressSeen(app, '10.1.2.3', '1.1.1.1, 203.0.113.7')).address).toBe('203.0.113.7');
  });

  it('counts an IPv4 client reaching a dual-stack socket as its IPv4 address', async () => {
    const app = await server(false);
    expect(await addressSeen(app, '::ffff:198.51.100.20')).toEqual({ address: '198.51.100.20', subnet: '198.51.100.0/24' });
  });
});
