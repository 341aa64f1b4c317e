import { describe, expect, it } from 'vitest';
import { batcher } from './batcher.js';

/** A run whose batches finish only when the test says so. */
function controlledRun() {
  const calls: { items: number[]; finish: (error?: Error) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      calls.push({
        items,
        finish: (error) => (error ? reject(error) : resolve(items.map((i) => i * 10))),
      });
    });
  return { calls, run };
}

/** Let the event loop turn (twice: once for the batch that returned to finish, once for the next to go). */
const turn = async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('batcher', () => {
  it('sends a lone item at once, as a batch of one', async () => {
    const { calls, run } = controlledRun();
    const submit = batcher(run, { maxBatch: 10, maxInFlight: 2 });
    const answer = submit(7);
    await turn();
    expect(calls.map((c) => c.items)).toEqual([[7]]);
    calls[0]!.finish();
    await expect(answer).resolves.toBe(70);
  });

  it('sends what arrives while the batches in flight run together, at most maxBatch at a time', async () => {
    const { calls, run } = controlledRun();
    const submit = batcher(run, { maxBatch: 3, maxInFlight: 1 });
    const first = submit(1);
    await turn();
    const rest = [2, 3, 4, 5, 6].map((i) => submit(i));
    await turn();
    // One batch in flight: nothing else goes until it returns.
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0]!.finish();
    await first;
    await turn();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1]!.finish();
    await turn();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4], [5, 6]]);
    calls[2]!.finish();
    await expect(Promise.all(rest)).resolves.toEqual([20, 30, 40, 50, 60]);
    expect(submit.stats).toEqual({ batches: 3, items: 6, largest: 3 });
  });

  it('runs no more than maxInFlight batches at once', async () => {
    const { calls, run } = controlledRun();
    const submit = batcher(run, { maxBatch: 1, maxInFlight: 2 });
    const answers = [1, 2, 3].map((i) => submit(i));
    await turn();
    expect(calls.length).toBe(2);
    calls[0]!.finish();
    await answers[0];
    await turn();
    expect(calls.length).toBe(3);
    calls[1]!.finish();
    calls[2]!.finish();
    await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30]);
  });

  it('rejects every item of a batch that fails, and only those', async () => {
    const { calls, run } = controlledRun();
    const submit = batcher(run, { maxBatch: 2, maxInFlight: 1 });
    const a = submit(1);
    const b = submit(2);
    const c = submit(3);
    await turn();
    calls[0]!.finish(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    await turn();
    calls[1]!.finish();
    await expect(c).resolves.toBe(30);
  });

  it('rejects a batch answered with the wrong number of results', async () => {
    const submit = batcher(async () => [1], { maxBatch: 5, maxInFlight: 1 });
    const answers = [submit(1), submit(2)];
    await expect(answers[0]).rejects.toThrow('1 results for 2 items');
    await expect(answers[1]).rejects.toThrow('1 results for 2 items');
  });
});
