import { spawn } from "node:child_process";
import { SetupError } from "@/server/db/errors";

/** Runs a command with inherited output; rejects with a SetupError naming it when it fails. */
export function runCommand(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: "inherit" });
    child.once("error", (error) => reject(new SetupError(`Could not run ${command}: ${error.message}`)));
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new SetupError(`\`${[command, ...args].join(" ")}\` failed (${signal ?? `exit code ${code}`}); see its output above.`));
    });
  });
}
