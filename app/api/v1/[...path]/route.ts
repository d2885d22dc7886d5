import { unknownApiPath } from "@/lib/api/handler";

// Paths under /api/v1 that no route serves (the specific routes win over this catch-all).
export const GET = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
