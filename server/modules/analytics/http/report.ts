/** The monthly analysis report as a download (the cockpit's 月度报告 button): the same PDF as `xiezhi report --month`. */
import { z } from 'zod';
import type { Http } from '../../../platform/http/index.js';
import { fail } from '../../../platform/errors/index.js';
import type { Ctx } from '../../workflow/index.js';
import { isMonth } from '../domain/report-period.js';
import { monthlyReportPdf } from '../queries/monthly-report-pdf.js';
import { PdfUnavailable } from '../report/pdf.js';
import { can } from '../../access/index.js';

// printing takes a Chromium for a second or two: one report at a time per process is plenty for a bureau
let busy = false;

export function reportRoutes(http: Http, ctx: Ctx) {
  http.get(
    '/api/analytics/report.pdf',
    {
      config: { auth: can('analytics.export') },
      schema: {
        tags: ['analytics'],
        summary: '月度分析报告（PDF，A4，全市汇总，不含个人信息）',
        querystring: z.object({
          month: z
            .string()
            .max(7)
            .refine(isMonth, { message: '月份无效：应为 YYYY-MM (invalid month)' })
            .describe('统计月份 YYYY-MM'),
          lang: z.enum(['zh', 'en']).optional().describe('en：英文阅读副本（以中文报告为准）'),
        }),
      },
    },
    async (req, reply) => {
      const { month, lang } = req.query;
      if (month > ctx.today().slice(0, 7))
        return fail('invalid_input', { zh: `${month} 月尚未开始`, en: `The month ${month} has not begun yet.` });
      if (busy)
        return fail('conflict', {
          zh: '另一份报告正在生成，请稍后再试 (a report is being printed)',
          en: 'Another report is being printed; please try again shortly.',
        });
      busy = true;
      try {
        const r = await monthlyReportPdf(ctx.db, month, ctx.today(), lang);
        reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            lang === 'en'
              ? `attachment; filename="xiezhi-report-${month}-en.pdf"`
              : `attachment; filename="xiezhi-report-${month}.pdf"; filename*=UTF-8''${encodeURIComponent(`12315月度分析报告-${month}.pdf`)}`,
          );
        return reply.send(r.pdf);
      } catch (e) {
        // a capability not installed on this server; the reason (what to install) is for its administrator, in English
        if (e instanceof PdfUnavailable)
          return fail('no_route', {
            zh: `本服务器无法生成 PDF：${e.message}`,
            en: `This server cannot print PDF: ${e.message}`,
          });
        throw e;
      } finally {
        busy = false;
      }
    },
  );
}
