import { orderedStop } from './ordered-stop';

describe('orderedStop', () => {
  it('stops each step once, the last started first, however often it is called', async () => {
    const stopped: string[] = [];
    const step = (name: string) => ({
      name,
      run: async (): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        stopped.push(name);
      },
    });
    const stop = orderedStop(
      [step('postgres'), step('kafka broker'), step('claims-intake'), step('casework')],
      () => undefined,
    );
    // Ctrl-C: SIGINT from the terminal and from the launcher, then a second Ctrl-C while stopping.
    await Promise.all([stop(), stop()]);
    await stop();
    expect(stopped).toEqual(['casework', 'claims-intake', 'kafka broker', 'postgres']);
  });

  it('goes on past a step that fails, naming it', async () => {
    const lines: string[] = [];
    const stopped: string[] = [];
    await orderedStop(
      [
        { name: 'postgres', run: () => Promise.resolve(void stopped.push('postgres')) },
        { name: 'broken', run: () => Promise.reject(new Error('gone')) },
      ],
      (line) => lines.push(line),
    )();
    expect(stopped).toEqual(['postgres']);
    expect(lines).toEqual(['stopping broken failed: gone', 'broken stopped', 'postgres stopped']);
  });
});
