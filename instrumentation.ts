// Next.js calls register() once when a server process starts (npm start through
// scripts/serve.ts, the browser tests' server, npm run dev, every further instance):
// that is where each instance starts its job runner (lib/jobs). NEXT_RUNTIME is Next's own
// build-time switch, read here as Next documents it, not application configuration.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobsWithServer } = await import("./lib/jobs/start");
    startJobsWithServer();
  }
}
