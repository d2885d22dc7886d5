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
/** Stages in which the bureau's work goes on: the pipeline before 投产 (suspended and terminated projects rest). */
export const activeStages = pipelineStages.filter((s) => s !== "PRODUCTION");
export const stages = [...pipelineStages, ...sideStages] as const;
export type Stage = (typeof stages)[number];

/** The colours the rules compute and a manager may set (红黄蓝). */
export const warningColors = ["BLUE", "YELLOW", "RED"] as const;
export type WarningColor = (typeof warningColors)[number];
/** What a project shows: a colour, or NONE = 未纳入调度 (no plan for the current year). */
export const warningStates = ["NONE", ...warningColors] as const;
export type WarningState = (typeof warningStates)[number];
