// The last tool calls, for the window: when, which client, which tool, how it went, how long.
// Never the arguments: they may hold secrets or private text.
import type { ToolCallRecord } from '../mcp/create-server.ts';

export class ActivityLog {
  private readonly entries: ToolCallRecord[] = [];

  constructor(private readonly size = 200) {}

  /** Every call since the host started, not only the ones still listed. */
  total = 0;
  readonly clients = new Set<string>();

  add(entry: ToolCallRecord): void {
    this.total += 1;
    this.clients.add(entry.client);
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }

  recent(count = this.size): ToolCallRecord[] {
    return this.entries.slice(-count);
  }
}
