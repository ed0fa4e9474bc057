/** One part of the running stack and how to stop it. */
export interface StopStep {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/**
 * The stack's one stop: steps run in the reverse of their start order (services, then the broker, then the
 * database), one after another, each once. Every later call (a second Ctrl-C, SIGINT from the terminal and SIGTERM
 * from the launcher) waits for the same stop instead of starting another. Before, a second call reversed the list
 * in place again and stopped the database and the broker first, while the services were still flushing.
 */
export function orderedStop(steps: readonly StopStep[], log: (line: string) => void): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      for (const step of [...steps].reverse()) {
        await step
          .run()
          .catch((error: unknown) =>
            log(`stopping ${step.name} failed: ${error instanceof Error ? error.message : 'unknown'}`),
          );
        log(`${step.name} stopped`);
      }
    })();
    return stopping;
  };
}
