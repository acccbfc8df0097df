import { api } from '../../api/client.ts';
import { queryClient } from '../../app/query-client.ts';

/**
 * Ends the session on the server (which also sends Clear-Site-Data), leaves the signed-in
 * pages, then forgets everything this tab kept: cached answers and the remembered location.
 * Leaving first matters: cleared queries still on screen would refetch and meet a 401.
 */
export async function signOut(goToLogin: () => void | Promise<void>): Promise<void> {
  try {
    await api.POST('/api/auth/logout');
  } finally {
    await goToLogin();
    queryClient.clear();
    sessionStorage.clear();
  }
}
