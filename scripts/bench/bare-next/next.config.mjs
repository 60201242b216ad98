// The framework's ceiling for `npm run bench`: the installed Next with nothing of Passage's in
// the request path (no proxy, no instrumentation, no headers of its own).

/** @type {import('next').NextConfig} */
const nextConfig = { poweredByHeader: false };

export default nextConfig;
