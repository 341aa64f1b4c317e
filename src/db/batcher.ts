/**
 * Group commit in the server: requests that reach the same statement at the same moment are sent to
 * the database together, as one statement. Nothing waits for a timer: a lone request goes at once
 * (in the next turn of the event loop, with whatever arrived in the same turn); under load, the
 * requests that arrive while the batches in flight run are sent together when one of them returns.
 * So a batch grows with the load, and a quiet server answers as fast as without batching.
 */
export interface BatcherOptions {
  /** Most items in one batch. */
  maxBatch: number;
  /** Most batches running at once. */
  maxInFlight: number;
}

export type Batcher<I, O> = (item: I) => Promise<O>;

/**
 * `run` gets the items of one batch in arrival order and returns one result per item, in the same
 * order. When it throws, every item of that batch is rejected with the error.
 */
export function batcher<I, O>(run: (items: I[]) => Promise<O[]>, options: BatcherOptions): Batcher<I, O> {
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      run(batch.map((w) => w.item))
        .then(
          (results) => {
            if (results.length !== batch.length)
              throw new Error(`batch returned ${results.length} results for ${batch.length} items`);
            batch.forEach((w, i) => {
              w.resolve(results[i] as O);
            });
          },
          (error: unknown) => {
            for (const w of batch) w.reject(error);
          },
        )
        .catch((error: unknown) => {
          for (const w of batch) w.reject(error);
        })
        .finally(() => {
          inFlight--;
          schedule();
        });
    }
  };
  const schedule = () => {
    if (scheduled || queue.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    setImmediate(flush);
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/** One batcher per database handle (the server may hold several in tests). */
export function batcherPerKey<K extends object, I, O>(
  make: (key: K) => Batcher<I, O>,
): (key: K) => Batcher<I, O> {
  const made = new WeakMap<K, Batcher<I, O>>();
  return (key) => {
    let b = made.get(key);
    if (!b) {
      b = make(key);
      made.set(key, b);
    }
    return b;
  };
}
