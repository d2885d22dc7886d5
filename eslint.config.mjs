import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", "generated/**", ".data/**", "next-env.d.ts", "test-results/**"] },
  {
    // Only lib/ talks to the database (STYLE.md rule 1).
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/generated/*", "**/generated/prisma/*", "@prisma/*", "pg"],
              message: "Only lib/ may use the database.",
            },
            { group: ["@/lib/db"], message: "Only lib/ may use the database: call a lib use-case." },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**", "tests/**", "*.config.*", "prisma.config.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
