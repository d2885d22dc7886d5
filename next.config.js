// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (tsc, first step of `npm test` and CI);
  // `next build` checking them again cost a minute of every build on two cores.
  typescript: { ignoreBuildErrors: true },
  // pg, pg-boss and the embedded server are Node packages: keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "pg-boss"],
  experimental: {
    authInterrupts: true,
    // The build's file-system cache speeds the next build on this machine; a CI run starts from
    // a clean clone and would only spend ~16 s writing it.
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // The proxy buffers request bodies up to this size: the upload limit (MAX_UPLOAD_MB,
    // read when the server starts) plus room for the multipart framing. Larger bodies are
    // answered 413 by proxy.ts before they are read.
    proxyClientMaxBodySize: (Number(process.env.MAX_UPLOAD_MB) || 20) * 1024 * 1024 + 1024 * 1024,
  },
};

module.exports = withNextIntl(nextConfig);
