// One HTTP exchange with Atlassian through got. HTTP statuses come back as data (probing needs
// them); network, DNS, TLS and timeout failures become AtlassianError here.
import { errorFromNetwork } from './atlassian-error.ts';

export interface RequestOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  json?: unknown;
  /** An application/x-www-form-urlencoded body. */
  form?: Record<string, string>;
  sslVerify?: boolean;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export async function sendRequest(options: RequestOptions): Promise<RawResponse> {
  const host = new URL(options.url).host;
  // got is loaded on first use: commands that never touch the network (status) start faster.
  const { default: got, RequestError } = await import('got');
  try {
    const response = await got(options.url, {
      method: options.method ?? 'GET',
      headers: { accept: 'application/json', 'user-agent': 'tether-mcp', ...options.headers },
      ...(options.json !== undefined ? { json: options.json } : {}),
      ...(options.form !== undefined ? { form: options.form } : {}),
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs ?? 20_000 },
      https: { rejectUnauthorized: options.sslVerify !== false },
      responseType: 'text',
    });
    return { status: response.statusCode, headers: response.headers, body: parseBody(response.body, response.headers['content-type']) };
  } catch (error) {
    if (error instanceof RequestError) throw errorFromNetwork(host, error.code);
    throw error;
  }
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('json') || /^[[{]/.test(text.trimStart())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
