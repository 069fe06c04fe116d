// liquidjs renders a template by walking generators; its async `render` (what Eleventy calls) awaits every
// step, a promise per tag and output, although layouts rarely do anything asynchronous. This walker runs the
// steps synchronously and starts awaiting only when a step really hands back a promise (an async filter or
// tag, a file read), so the output and the order of the steps are liquidjs's own, and layouts cost less.
// https://liquidjs.com/tutorials/sync-and-async.html
import type { Liquid } from "liquidjs";

type Step = "next" | "throw";

const isPromise = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === "function";

function isIterator(value: unknown): value is Iterator<unknown, unknown, unknown> {
  const candidate = value as Iterator<unknown> | null;
  return (
    typeof candidate?.next === "function" &&
    typeof candidate.throw === "function" &&
    typeof candidate.return === "function"
  );
}

/**
 * The value of a liquidjs render generator: as soon as it can be had, or a promise once a step awaits something.
 * `step` and `value` are what to send it first (a resumed walk sends the awaited value, or throws its error in).
 */
function settle(iterator: Iterator<unknown, unknown, unknown>, step: Step = "next", value?: unknown): unknown {
  for (;;) {
    const state = iterator[step]!(value);
    if (state.done) return state.value;
    value = state.value;
    step = "next";
    try {
      if (isIterator(value)) value = settle(value);
      if (isPromise(value)) return resume(iterator, value);
    } catch (error) {
      step = "throw";
      value = error;
    }
  }
}

/** `settle` once a step returned a promise: the walk goes on, synchronously again, with what the promise gave. */
async function resume(iterator: Iterator<unknown, unknown, unknown>, pending: PromiseLike<unknown>): Promise<unknown> {
  let step: Step = "next";
  let value: unknown;
  try {
    value = await pending;
  } catch (error) {
    step = "throw";
    value = error;
  }
  return settle(iterator, step, value);
}

/** liquidjs's `render` with `settle`: same arguments, same result, still a promise. */
export function renderSyncFirst(liquid: Liquid): void {
  liquid.render = (template, scope, options) => {
    try {
      return Promise.resolve(settle(liquid._render(template, scope, { ...options, sync: false })));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
