import { profileHotspots } from './cpu-profile';

const node = (id: number, url: string, functionName: string, hitCount: number) => ({
  id,
  callFrame: { url, functionName, lineNumber: 1 },
  hitCount,
});

describe('profileHotspots', () => {
  it('groups packages, keeps the platform’s own functions apart, leaves idle out and ranks by self time', () => {
    const hotspots = profileHotspots(
      {
        nodes: [
          node(1, '', '(idle)', 500),
          node(2, 'file:///app/node_modules/pg/lib/client.js', 'query', 30),
          node(3, 'file:///app/node_modules/pg-protocol/dist/parser.js', 'parse', 10),
          node(4, 'file:///app/node_modules/pg/lib/result.js', 'addRow', 20),
          node(5, 'file:///app/dist/libs/messaging/src/consumer/event-consumer.js', 'handleBatch', 25),
          node(6, '', '(garbage collector)', 15),
        ],
      },
      3,
    );
    expect(hotspots.map((spot) => spot.frame)).toEqual([
      'pg (package)',
      'libs/messaging/src/consumer/event-consumer.js: handleBatch',
      '(garbage collector)',
    ]);
    expect(hotspots[0]?.share).toBeCloseTo(50 / 100);
  });
});
