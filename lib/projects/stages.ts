// The pipeline's stages in order, and the side states (SPEC §2).
export const pipelineStages = [
  "LEAD",
  "NEGOTIATING",
  "SIGNED",
  "REGISTERED",
  "APPROVING",
  "CONSTRUCTION",
  "COMPLETED",
  "PRODUCTION",
] as const;
export const sideStages = ["SUSPENDED", "TERMINATED"] as const;
export const stages = [...pipelineStages, ...sideStages] as const;
export type Stage = (typeof stages)[number];

export const warningColors = ["BLUE", "YELLOW", "RED"] as const;
export type WarningColor = (typeof warningColors)[number];
