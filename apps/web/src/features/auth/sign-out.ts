import { api } from '../../api/client.ts';
import { queryClient } from '../../app/query-client.ts';
import { clearAllLocalDrafts } from '../encounters/local-draft.ts';

/**
 * Ends the session on the server (which also sends Clear-Site-Data), leaves the signed-in
 * pages, then forgets everything this tab kept: cached answers, the remembered location and
 * any unsaved note text kept on this device.
 * Leaving first matters: cleared queries still on screen would refetch and meet a 401.
 */
export async function signOut(goToLogin: () => void | Promise<void>): Promise<void> {
  try {
    await api.POST('/api/auth/logout');
  } finally {
    await goToLogin();
    queryClient.clear();
    sessionStorage.clear();
    // The server's Clear-Site-Data does this too where the browser honours it.
    clearAllLocalDrafts();
  }
}
