/** `xiezhi similar --id ID FILE...` — prints JSON: the top 10 tickets most similar to ticket ID, with why. */
import { intOpt, parse, requireOpt } from '../../server/platform/cli/index.js';
import { InputError, loadTif } from '../../server/platform/tif/index.js';
import { SimilarIndex } from '../../server/modules/text/index.js';

const USAGE = 'xiezhi similar --id ID [--k N] FILE...';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { id: { type: 'string' }, k: { type: 'string' } }, USAGE);
  const id = requireOpt(values.id, 'id', USAGE);
  const k = intOpt(values.k, 'k', 10);
  if (!positionals.length) throw new InputError(`no input FILE\nusage: ${USAGE}`);
  const { tickets } = await loadTif(positionals);
  const me = tickets.find((t) => t.id === id);
  if (!me) throw new InputError(`no ticket with id ${id} in the input`);
  const index = new SimilarIndex();
  for (const t of tickets) index.addTicket(t);
  const hits = index.query({
    text: [me.title, me.text].filter(Boolean).join('。'),
    respondent: me.respondent?.name,
    k,
    exclude: [id],
  });
  const byId = new Map(tickets.map((t) => [t.id, t]));
  console.log(
    JSON.stringify({
      id,
      similar: hits.map((h) => {
        const t = byId.get(h.id)!;
        return {
          ...h,
          title: t.title,
          text: (t.text ?? '').slice(0, 200),
          respondent: t.respondent?.name,
          received_at: t.received_at,
          kind: t.kind,
          labels: t.labels,
        };
      }),
    }),
  );
  return 0;
}
