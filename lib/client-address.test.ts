import { describe, expect, it } from 'vitest';
import { clientAddress, clientKey, parseTrustedProxy } from './client-address';

describe('client address', () => {
  it('ignores X-Forwarded-For unless a trusted proxy is configured', () => {
    expect(clientAddress({ peer: '203.0.113.9', forwardedFor: '198.51.100.1', trusted: null })).toBe('203.0.113.9');
    expect(clientAddress({ peer: '::ffff:127.0.0.1', forwardedFor: null, trusted: null })).toBe('127.0.0.1');
  });

  it('with N hops, takes the address the outermost trusted proxy saw, whatever the client prepended', () => {
    const trusted = parseTrustedProxy('1');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '198.51.100.1', trusted })).toBe('198.51.100.1');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '6.6.6.6, 198.51.100.1', trusted })).toBe('198.51.100.1');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '6.6.6.6, 198.51.100.1, 10.0.0.1', trusted: parseTrustedProxy('2') })).toBe(
      '198.51.100.1',
    );
  });

  it('with a list, believes X-Forwarded-For only when the socket is a listed proxy, and skips listed proxies', () => {
    const trusted = parseTrustedProxy('10.0.0.1, 10.0.0.2');
    expect(clientAddress({ peer: '203.0.113.9', forwardedFor: '198.51.100.1', trusted })).toBe('203.0.113.9');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '6.6.6.6, 198.51.100.1, 10.0.0.1', trusted })).toBe('198.51.100.1');
  });

  it('refuses a malformed setting with a message naming it', () => {
    expect(parseTrustedProxy(undefined)).toBeNull();
    expect(() => parseTrustedProxy('0')).toThrow(/PASSAGE_TRUSTED_PROXY/);
    expect(() => parseTrustedProxy('proxy.local')).toThrow(/"proxy.local"/);
    expect(parseTrustedProxy('::1')).toEqual({ addresses: new Set(['::1']) });
  });

  it('counts IPv6 clients by their /64 network, IPv4 by address', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('unknown')).toBe('unknown');
  });
});
