// A Cloud site's cloudId, readable without any credential at /_edge/tenant_info.
import { sendRequest } from '../atlassian/http/send-request.ts';

export async function fetchCloudId(siteUrl: string, sslVerify: boolean): Promise<string | undefined> {
  const response = await sendRequest({ url: `${siteUrl}/_edge/tenant_info`, sslVerify, timeoutMs: 10_000 });
  if (response.status !== 200 || !response.body || typeof response.body !== 'object') return undefined;
  const cloudId = (response.body as { cloudId?: unknown }).cloudId;
  return typeof cloudId === 'string' && cloudId !== '' ? cloudId : undefined;
}
