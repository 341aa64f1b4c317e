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

/** What a batcher has sent so far. */
export interface BatchStats {
  batches: number;
  items: number;
  largest: number;
}

export type Batcher<I, O> = ((item: I) => Promise<O>) & { readonly stats: BatchStats };

/**
 * `run` gets the items of one batch in arrival order and returns one result per item, in the same
 * order. When it throws, every item of that batch is rejected with the error.
 */
export function batcher<I, O>(run: (items: I[]) => Promise<O[]>, options: BatcherOptions): Batcher<I, O> {
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;
  const stats: BatchStats = { batches: 0, items: 0, largest: 0 };

  const flush = () => {
    scheduled = false;
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      stats.batches++;
      stats.items += batch.length;
      stats.largest = Math.max(stats.largest, batch.length);
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

  const submit = (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
  return Object.assign(submit, { stats });
}

/** One value per key, made on first use (one batcher per database handle: tests open several). */
export function perKey<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}
