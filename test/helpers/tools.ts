// Checks that need an outside tool (OpenSSL with SM3, jq): on a developer's machine without it they are
// skipped with a warning; under `CI=true` (which `npm test` sets: scripts/test.mjs) never — a check that
// silently does not run is a check lost, so there the suite runs and fails on the missing tool.
export function skipForMissingTool(hasTool: boolean, what: string): boolean {
  if (hasTool) return false;
  if (process.env.CI === 'true') return false;
  console.warn(`${what}: skipped (set CI=true to make a missing tool fail instead)`);
  return true;
}
