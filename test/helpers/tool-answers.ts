// Reading tool answers in tests: a call that must succeed (its JSON or text) or must be refused
// (its sentence), with the answer in the failure message when it does not.
import { expect } from 'vitest';
import type { TetherMcp } from './mcp-client.ts';

/** A tool's JSON answer, read loosely: each test states the fields it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = Record<string, any>;

export async function answerJson(mcp: TetherMcp, name: string, args: Record<string, unknown> = {}): Promise<Answer> {
  const result = await mcp.call(name, args);
  expect(result.isError, `${name}: ${result.text}`).toBe(false);
  return JSON.parse(result.text) as Answer;
}

export async function answerText(mcp: TetherMcp, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const result = await mcp.call(name, args);
  expect(result.isError, `${name}: ${result.text}`).toBe(false);
  return result.text;
}

export async function refusal(mcp: TetherMcp, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await mcp.call(name, args);
  expect(result.isError, `${name} should fail: ${result.text}`).toBe(true);
  return result.text;
}
