// The framework's ceiling for `npm run bench`: the installed Next with nothing of Passage's in
// the request path (no proxy, no instrumentation, no headers of its own). /api/noop returns a
// constant; the routes at Passage's answer and rating paths do only what Next does for them.

/** @type {import('next').NextConfig} */
const nextConfig = { poweredByHeader: false };

export default nextConfig;
