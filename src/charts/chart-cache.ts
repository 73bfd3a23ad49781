/**
 * Cache of rendered chart SVGs. A chart costs about 100–300 ms of CPU to render, and the same chart
 * is asked for by every visitor of a page, so each is rendered once per data version.
 *
 * Contract: the key must identify the SVG completely, i.e. contain the indicator id, its
 * `dataVersion` and every parameter that changes the picture (chart type, areas, years, gender, id
 * prefix …); `chartCacheKey` builds such a key. Entries never expire by time: a new data version is a
 * new key, and the old entry falls out as the least recently used.
 */

/** Also used for other rendered output (page sections, whole public pages) with `T` = its type. */
export interface ChartCache<T = string> {
  /**
   * The SVG for `key`: from the cache, or from the render already running for `key`, or from calling
   * `render` (once, however many callers wait for it). A failed render is not cached: every caller
   * waiting for it gets the error, and the next `get` tries again.
   */
  get(key: string, render: () => Promise<T>): Promise<T>;
  /** Number of stored SVGs (renders still running are not counted). */
  readonly size: number;
  /** Forgets every stored SVG; renders running now are shared with their callers but not stored. */
  clear(): void;
}

export interface ChartCacheOptions {
  /** Stored SVGs kept at most; beyond it the least recently used is dropped. Default 300 (≈ 15 MB). */
  maxEntries?: number;
}

export function createChartCache<T = string>({ maxEntries = 300 }: ChartCacheOptions = {}): ChartCache<T> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries måste vara ett positivt heltal, inte ${maxEntries}.`);
  }
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, T>();
  const inFlight = new Map<string, Promise<T>>();
  // Bumped by clear(), so that a render started before it does not refill the cache.
  let generation = 0;

  function store(key: string, svg: T): void {
    entries.delete(key);
    entries.set(key, svg);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
  }

  return {
    get(key, render) {
      const cached = entries.get(key);
      if (cached !== undefined) {
        store(key, cached);
        return Promise.resolve(cached);
      }
      const running = inFlight.get(key);
      if (running) return running;

      const startedIn = generation;
      let rendering: Promise<T>;
      try {
        rendering = render();
      } catch (error) {
        rendering = Promise.reject(error);
      }
      const shared = rendering.then(
        (svg) => {
          if (inFlight.get(key) === shared) inFlight.delete(key);
          if (startedIn === generation) store(key, svg);
          return svg;
        },
        (error: unknown) => {
          if (inFlight.get(key) === shared) inFlight.delete(key);
          throw error;
        },
      );
      inFlight.set(key, shared);
      return shared;
    },
    get size() {
      return entries.size;
    },
    clear() {
      generation++;
      entries.clear();
      inFlight.clear();
    },
  };
}

/**
 * A cache key from its parts, e.g. `chartCacheKey('serie', indicator.id, indicator.dataVersion,
 * areaCodes.join(','), gender, idPrefix)`. JSON keeps the parts apart, so no separator character in a
 * part can make two different keys equal.
 */
export function chartCacheKey(...parts: readonly (string | number | boolean | null)[]): string {
  return JSON.stringify(parts);
}

/** The process-wide cache the web pages use. */
export const chartCache: ChartCache = createChartCache();
