// The last tool calls, for the window: when, which client, which tool, how it went, how long.
// Never the arguments: they may hold secrets or private text.
import type { ToolCallRecord } from '../mcp/create-server.ts';

export class ActivityLog {
  private readonly entries: ToolCallRecord[] = [];

  constructor(private readonly size = 200) {}

  add(entry: ToolCallRecord): void {
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }

  recent(count = this.size): ToolCallRecord[] {
    return this.entries.slice(-count);
  }
}
