/**
 * The claims module's way to a clearinghouse (issue: billing and insurance claims). Like
 * documents' DocumentStorage and comms' MessageChannel, the domain sees only this interface:
 * the adapters (a local outbox folder, SFTP) are configuration, and tests run the real
 * adapter against a local server. X12 files are opaque bytes here; building and parsing
 * them belongs to the claims module.
 */
export interface ClearinghouseFile {
  /** A name the clearinghouse accepts (its own convention, e.g. a prefix and the ISA13 control number). */
  name: string;
  bytes: Buffer;
}

export interface ClearinghouseConnection {
  /**
   * Hand over one batch (an 837P interchange). Resolves once the file is complete on the
   * other side (written under a temporary name, then renamed), so a retry after a failure
   * never leaves half a file that the clearinghouse could pick up.
   */
  submit(file: ClearinghouseFile): Promise<{ remoteName: string }>;
  /** Responses waiting for us (999, 277CA, 835), oldest first, at most `limit`. */
  listResponses(limit: number): Promise<{ name: string; size: number }[]>;
  fetchResponse(name: string): Promise<Buffer>;
  /** Mark a response as taken, once its content is stored and parsed in our database. */
  acknowledgeResponse(name: string): Promise<void>;
}
