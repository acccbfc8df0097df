/**
 * Sending one change from a screen, the same way everywhere: `submit(...args)` makes the call
 * while `busy` is true. A failure becomes `problem` (the server's problem+json, or
 * UNREACHABLE when no answer came), `error`, the line the screen shows, and `errors`, the
 * field messages by path (a form shows them beside its fields). A success first
 * invalidates the query keys the change affects (awaited: the screen shows the new state
 * before `onSuccess` closes a form), then runs `onSuccess`.
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, fieldErrors, type Problem, toProblem } from './problem.ts';

/** What an openapi-fetch call resolves to (hand-written fetches answer in the same shape). */
export interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The call threw instead of answering: the network, or the server is down. */
export const UNREACHABLE: Problem = {
  status: 0,
  code: 'UNREACHABLE',
  title: 'ClinicDesk cannot be reached',
  detail: 'ClinicDesk cannot be reached. Check the connection and try again.',
};

export interface SubmitOptions<A extends unknown[], T> {
  /** Query keys (or key prefixes) whose data the change makes stale. */
  invalidate?: readonly QueryKey[] | ((data: T, ...args: A) => readonly QueryKey[]);
  onSuccess?: (data: T, ...args: A) => unknown;
  /**
   * Side effects of a failure (field errors, a conflict panel, a notification). Returns the
   * line to show: a string, null for none, or nothing for the problem's own detail.
   */
  onProblem?: (problem: Problem, ...args: A) => string | null | undefined;
}

export type SubmitOutcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

export interface Submit<A extends unknown[], T> {
  submit: (...args: A) => Promise<SubmitOutcome<T>>;
  busy: boolean;
  /** The last failure, cleared when the next submit starts. */
  problem: Problem | null;
  /** The line to show for the last failure (see `onProblem`). */
  error: string | null;
  /** The last failure's field messages by the server's field path (`{ expiresOn: '…' }`); empty when none. */
  errors: Record<string, string>;
  /** Forget the last failure (another action on the same screen replaced it). */
  reset: () => void;
}

export function useSubmit<A extends unknown[], T>(
  call: (...args: A) => Promise<ApiResult<T>>,
  options: SubmitOptions<A, T> = {},
): Submit<A, T> {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ problem: Problem; error: string | null } | null>(null);

  const submit = async (...args: A): Promise<SubmitOutcome<T>> => {
    setBusy(true);
    setFailure(null);
    try {
      let outcome: SubmitOutcome<T>;
      try {
        const { data, error, response } = await call(...args);
        outcome = response.ok
          ? { ok: true, data: data as T }
          : { ok: false, problem: { ...toProblem(error, response.status), status: response.status } };
      } catch (e) {
        outcome = { ok: false, problem: e instanceof ApiError ? e.problem : UNREACHABLE };
      }
      if (outcome.ok) {
        const { invalidate = [] } = options;
        const keys = typeof invalidate === 'function' ? invalidate(outcome.data, ...args) : invalidate;
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        await options.onSuccess?.(outcome.data, ...args);
      } else {
        const { problem } = outcome;
        const said = options.onProblem?.(problem, ...args);
        setFailure({ problem, error: said === undefined ? problem.detail || problem.title : said });
      }
      return outcome;
    } finally {
      setBusy(false);
    }
  };

  return {
    submit,
    busy,
    problem: failure?.problem ?? null,
    error: failure?.error ?? null,
    errors: failure ? fieldErrors(failure.problem) : {},
    reset: () => setFailure(null),
  };
}

/**
 * A list with an add form and a Remove button on each row: one error line for both, and
 * starting either action clears the other's failure (the line always speaks of the last one).
 */
export function addAndRemove<T, U>(adding: Submit<[], T>, removing: Submit<[string], U>) {
  return {
    error: adding.error ?? removing.error,
    add: () => {
      removing.reset();
      void adding.submit();
    },
    remove: (id: string) => {
      adding.reset();
      void removing.submit(id);
    },
  };
}
