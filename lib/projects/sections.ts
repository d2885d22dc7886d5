// The parts of a project as its page shows them (tabs). The basics and the 七证合一 case
// come with seeing the project; the others are the bureau's own work on it, for those
// with `readWork` in the permission table (lib/auth/permissions.ts).
export const projectSections = [
  "basics",
  "supervision",
  "timeline",
  "stages",
  "permit",
  "capital",
  "incentives",
  "attachments",
  "history",
] as const;
export type ProjectSection = (typeof projectSections)[number];

const basicSections: readonly ProjectSection[] = ["basics", "permit"];

/** The sections a reader sees, in page order: all of them with the work, else the basics and the case. */
export function readableSections({ work }: { work: boolean }): ProjectSection[] {
  return projectSections.filter((s) => work || basicSections.includes(s));
}
