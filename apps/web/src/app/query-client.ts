import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem.ts';

/** Client errors (4xx) are answers, not glitches: never retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(error instanceof ApiError && error.problem.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});
