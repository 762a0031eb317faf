/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vitest/config" />

// vite.config.ts reads process.env.VITEST; Node's types are not installed in this project.
declare const process: { env: Record<string, string | undefined> };
// What the tests use of Node's file system (reading app.css to check its colours).
declare module "node:fs" {
  export function readFileSync(path: string, encoding: "utf8"): string;
}
