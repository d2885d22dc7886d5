// Unit tests (pure modules, no database) and integration tests (lib use-cases and
// API routes on a real PostgreSQL: embedded, or the server of DATABASE_URL).
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

const common = {
  testEnvironment: "node",
  testEnvironmentOptions: { globalsCleanup: "off" },
  transform: { "^.+\\.(t|j)sx?$": swc },
  // next-auth's jose and the generated Prisma client are ESM.
  transformIgnorePatterns: ["/node_modules/(?!(jose|@panva|next-auth|uuid|preact-render-to-string|preact)/)"],
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    // server-only throws outside React Server Components; in tests it guards nothing.
    "^server-only$": "<rootDir>/tests/support/empty.ts",
    // The generated client imports the query compiler's .mjs build; Jest runs CommonJS.
    "^@prisma/client/runtime/(.*)\\.mjs$": "<rootDir>/node_modules/@prisma/client/runtime/$1.js",
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/tests/unit/**/*.test.ts", "<rootDir>/lib/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/tests/integration/**/*.test.ts"],
      globalSetup: "<rootDir>/tests/support/global-setup.ts",
      globalTeardown: "<rootDir>/tests/support/global-teardown.ts",
      setupFilesAfterEnv: ["<rootDir>/tests/support/database.ts"],
    },
  ],
};
