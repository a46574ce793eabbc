import { z } from 'zod';
import { listPageLabels } from '../../../atlassian/confluence/labels.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_get_labels',
  title: 'Get page labels',
  toolset: 'confluence_labels',
  description: 'List the labels of a Confluence page.',
  input: () => z.strictObject({ page_id: pageId.describe('Id of the page.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const { results } = await listPageLabels(http, args.page_id, 250);
    return jsonOutput({ page_id: args.page_id, labels: results.map((l) => ({ name: l.name, prefix: l.prefix, id: l.id })) });
  },
});
