import securityHeaders from './lib/security-headers.json' with { type: 'json' };

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and driver packages, the 3 MB English word list the grader consults, and sql.js (which
  // loads its WebAssembly file from its own folder) stay outside the bundle, required at run time.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'an-array-of-english-words', 'sql.js'],
  // Every response's static security headers, static files and the API included. Pages get their
  // CSP (with a per-request nonce) from proxy.ts; the API, which serves no scripts, gets a CSP that
  // allows nothing. HSTS only over HTTPS (Next sets x-forwarded-proto from the socket when no
  // proxy did; a browser ignores HSTS received over plain HTTP anyway).
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders.everywhere },
      { source: '/api/:path*', headers: securityHeaders.api },
      { source: '/api', headers: securityHeaders.api },
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: securityHeaders.https },
    ];
  },
};

export default nextConfig;
