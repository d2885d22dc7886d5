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
    // One way for each job (STYLE.md): one writer per history table, roles only through the
    // permission table. The files that are that one place are exempt below.
    files: ["lib/**", "app/**", "components/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.property.name='stageChange'][property.name=/^create/]",
          message: "Stage-change rows are written only by recordStageChange (lib/projects/stage-changes.ts).",
        },
        {
          selector: "MemberExpression[object.property.name='warningChange'][property.name=/^(create|update|delete)/]",
          message: "The colour history is written only by writeWarningChanges (lib/supervision/warning-changes.ts).",
        },
        {
          selector: "MemberExpression[object.property.name='permitEvent'][property.name=/^create/]",
          message: "The permit timeline is written only by writePermitEvent (lib/permits/timeline.ts).",
        },
        {
          selector: "MemberExpression[object.property.name='noticeEvent'][property.name=/^(create|update|delete)/]",
          message: "A notice's timeline is written only by writeNoticeEvent (lib/supervision/notice-timeline.ts).",
        },
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/][left.property.name='role'][right.type='Literal']",
          message: "Ask the permission table (can, canOnProject, rolesWith, projectScope in lib/auth/permissions.ts).",
        },
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/][right.property.name='role'][left.type='Literal']",
          message: "Ask the permission table (can, canOnProject, rolesWith, projectScope in lib/auth/permissions.ts).",
        },
      ],
    },
  },
  {
    files: [
      "lib/projects/stage-changes.ts",
      "lib/permits/timeline.ts",
      "lib/supervision/notice-timeline.ts",
      "lib/auth/permissions.ts",
      "lib/**/*-machine.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["scripts/**", "tests/**", "*.config.*", "prisma.config.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
