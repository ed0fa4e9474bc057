import { takeTestInfraHandles } from './global-setup';

/** Jest global teardown: stops what the global setup started and restores the env it changed. */
export async function globalTeardown(): Promise<void> {
  const handles = takeTestInfraHandles();
  if (!handles) return;
  await handles.control?.close();
  const results = await Promise.allSettled([handles.kafka.stop(), handles.postgres.stop()]);
  for (const [name, value] of Object.entries(handles.previousEnv)) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- restoring the environment as it was
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

// Jest loads a global teardown module through its default export.
// eslint-disable-next-line no-restricted-syntax -- required by Jest
export default globalTeardown;
