/**
 * Fans flow-board changes out to Server-Sent-Event subscribers. One dedicated
 * connection per process LISTENs on the `flow_board` channel (the appointments
 * trigger NOTIFYs on every insert and status/room change, on commit), so every API
 * process sees every writer's changes. The connection is opened on the first
 * subscriber and re-opened after a database restart.
 */
import type pg from 'pg';

export interface FlowBoardEvent {
  organizationId: string;
  locationId: string;
  appointmentId: string;
  status: string;
}

export interface Subscriber {
  organizationId: string;
  locationId: string;
  send(event: Omit<FlowBoardEvent, 'organizationId'>): void;
  /** Called when the hub shuts down or loses the database: the client reconnects and resyncs. */
  end(): void;
}

export class FlowBoardHub {
  private client: pg.PoolClient | null = null;
  private starting: Promise<void> | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** Resolves once the LISTEN is in place, so no change after this call is missed. */
  async subscribe(sub: Subscriber): Promise<() => void> {
    if (this.closed) throw new Error('flow board hub is closed');
    await this.listen();
    this.subscribers.add(sub);
    return () => {
      this.subscribers.delete(sub);
    };
  }

  private listen(): Promise<void> {
    this.starting ??= (async () => {
      const client = await this.pool.connect();
      client.on('notification', (msg) => this.dispatch(msg.payload));
      client.on('error', (err) => this.lost(client, err));
      await client.query('LISTEN flow_board');
      this.client = client;
    })().catch((err) => {
      this.starting = null;
      throw err;
    });
    return this.starting;
  }

  private dispatch(payload: string | undefined): void {
    if (!payload) return;
    let event: FlowBoardEvent;
    try {
      event = JSON.parse(payload) as FlowBoardEvent;
    } catch {
      return;
    }
    const { organizationId, ...rest } = event;
    for (const sub of this.subscribers) {
      if (sub.organizationId === organizationId && sub.locationId === event.locationId) sub.send(rest);
    }
  }

  /** The LISTEN connection died: drop it and end the streams (EventSource clients reconnect and refetch). */
  private lost(client: pg.PoolClient, err: unknown): void {
    this.onError(err);
    if (this.client === client) {
      this.client = null;
      this.starting = null;
      client.release(err instanceof Error ? err : true);
    }
    for (const sub of this.subscribers) sub.end();
    this.subscribers.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const sub of this.subscribers) sub.end();
    this.subscribers.clear();
    const client = this.client;
    this.client = null;
    if (client) {
      await client.query('UNLISTEN flow_board').catch(() => undefined);
      client.release();
    }
  }
}
