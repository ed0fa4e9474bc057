import { takeTestInfraHandles } from './global-setup';

/** Jest global teardown: stops what the global setup started and restores the env it changed. */
export async function globalTeardown(): Promise<void> {
  const handles = takeTestInfraHandles();
  if (!handles) return;
  await handles.control?.close();
  const results = await Promise.allSettled([handles.kafka.stop(), handles.postgres.stop()]);
  for (const [name, value] of Object.entries(handles.previousEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

// Jest loads a global teardown module through its default export.
export default globalTeardown;
