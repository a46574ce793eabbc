// The rich text of the seeded Jira issues: one bug description that uses every block the
// converters handle (headings, mentions, lists, code, tables, panels, quotes, links) and comments
// that each stress one of them. Kept apart from seed-jira.ts so the data layout stays readable.

import type { SeedUser } from '../seed.ts';
import {
  type AdfDoc,
  bullets,
  code,
  codeBlock,
  doc,
  heading,
  link,
  mention,
  ordered,
  panel,
  para,
  plainDoc,
  quote,
  rule,
  table,
  txt,
} from './adf.ts';

export function webhookDescription(alice: SeedUser, bob: SeedUser): AdfDoc {
  return doc(
    heading(2, 'What happens'),
    para(
      'When the payment provider retries a webhook while the first delivery is still being processed, the second delivery is acknowledged but ',
      txt('never stored', 'strong'),
      '. Reported by ',
      mention(bob.accountId, bob.displayName),
      ' after the October reconciliation; ',
      mention(alice.accountId, alice.displayName),
      ' owns the fix.',
    ),
    heading(3, 'Steps to reproduce'),
    ordered('Send a payment_intent.succeeded webhook', 'Delay the handler by 5 seconds', 'Let the provider retry within the delay', 'Compare the ledger with the provider dashboard'),
    heading(3, 'Payload'),
    codeBlock('json', '{\n  "type": "payment_intent.succeeded",\n  "id": "evt_3Nq8",\n  "attempt": 2\n}'),
    heading(3, 'Affected regions'),
    table(['Region', 'Dropped events', 'Window'], ['eu-west-1', '37', '2026-10-02 → 2026-10-09'], ['us-east-1', '4', '2026-10-05']),
    panel('warning', para('Do not replay events by hand: ', code('ledger-replay'), ' double-books refunds until the idempotency keys ship.')),
    bullets('Handler: payments-webhooks', ['Runbook: ', link('Database Failover Runbook', 'https://acme.atlassian.net/wiki/spaces/ENG/pages/5242901')]),
    quote(para('The provider guarantees at-least-once delivery, not exactly-once.')),
    rule(),
    para(txt('Severity', 'em'), ': customer-visible, money-moving.'),
  );
}

export function webhookEnvironment(): AdfDoc {
  return plainDoc('Production, eu-west-1 and us-east-1\npayments-webhooks 2026.10.2');
}

/** Comments on the webhook bug, oldest first: a mention, a code block, a table, a panel. */
export function webhookComments(alice: SeedUser, bob: SeedUser): AdfDoc[] {
  return [
    doc(para(mention(alice.accountId, alice.displayName), ' can you take this one? The retry window lines up with the deploy on 2 October.')),
    doc(
      para('Root cause: the dedup check runs after the insert. Proposed handler change:'),
      codeBlock('typescript', "const seen = await events.claim(event.id);\nif (!seen) return ack(); // a retry of an event in flight\nawait ledger.record(event);"),
    ),
    doc(para('Counts after the backfill dry run:'), table(['Region', 'Recovered', 'Still missing'], ['eu-west-1', '35', '2'], ['us-east-1', '4', '0'])),
    doc(panel('info', para('Fix is behind the ', code('webhook-claim'), ' flag; rollout to 10% tomorrow.')), para('Thanks ', mention(bob.accountId, bob.displayName), '!')),
  ];
}

export function cartAcceptance(): AdfDoc {
  return doc(bullets('Saved cards are listed newest first', 'Expired cards are greyed out and cannot be chosen', 'The last four digits and the brand are shown'));
}

export function loginComments(alice: SeedUser): AdfDoc[] {
  return [
    doc(para('Reproduced with ', code('Alice@Example.com'), '; the IdP sends the address as typed.')),
    doc(para(mention(alice.accountId, alice.displayName), ' the fix is to lower-case before the lookup, PR is up.')),
  ];
}

export function incidentDescription(): AdfDoc {
  return doc(
    para('Error rate on ', code('POST /v1/payments'), ' rose to 12% between 09:40 and 10:05 UTC.'),
    bullets('Pager fired at 09:43', 'Rolled back payments-api 2026.11.3 at 09:58', 'Recovered at 10:05'),
  );
}

export const WORKLOG_NOTE = plainDoc('Reproduced the dropped retry locally and wrote the failing test.');
export const WORKLOG_NOTE_2 = plainDoc('Pairing on the claim-before-insert change.');
