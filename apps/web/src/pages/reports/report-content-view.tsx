/** A submitted version of a report, read beside the agreement's plan and targets, with the officer's comments by section. */
import { type ActivityStatus, type ReportContent, type ReportSection } from '@tp/domain';
import type { MessageKey } from '@tp/i18n/web';
import { type ReactNode } from 'react';
import { DataTable } from '../../components/data-table';
import { useT } from '../../i18n/language';
import { type Plan, SECTION_LABEL } from './use-report';
import { SectionHeading } from '../../components/page-heading';

// ---------------------------------------------------------------------------------------------
// Reading a submitted version beside the plan

export function ReportContentView({ content, plan, isFinal, comments, prefix = 'view' }: { content: ReportContent; plan: Plan; isFinal: boolean; comments: Partial<Record<ReportSection, string>>; prefix?: string }) {
  const { t, pick, formatDate } = useT();
  return (
    <div data-testid={`${prefix}-content`}>
      <ViewSection prefix={prefix} comments={comments} id="activities">
        <DataTable
          rows={plan.milestones}
          rowKey={(m) => m.key}
          columns={[
            {
              header: t('rep.plan'),
              rowHeader: true,
              cell: (m) => (
                <>
                  {m.title}
                  <br />
                  <small>{t('rep.activity.due', { date: formatDate(m.dueDate) })}</small>
                </>
              ),
            },
            {
              header: t('rep.reported'),
              cell: (m) => {
                const a = content.activities.find((x) => x.milestoneKey === m.key);
                return (
                  <>
                    {a?.status ? t(`status.activity.${a.status as ActivityStatus}`) : ''}
                    {a?.reason ? <p>{a.reason}</p> : null}
                    {a?.newExpectedDate ? (
                      <p>
                        {t('rep.activity.newDate')}: {formatDate(a.newExpectedDate)}
                      </p>
                    ) : null}
                  </>
                );
              },
            },
          ]}
        />
      </ViewSection>
      <ViewSection prefix={prefix} comments={comments} id="deliverables">
        <p className="tp-pre">{content.deliverables}</p>
      </ViewSection>
      <ViewSection prefix={prefix} comments={comments} id="indicators">
        <DataTable
          rows={plan.indicators}
          rowKey={(ind) => ind.id}
          columns={[
            { header: t('rep.progress.indicator'), rowHeader: true, cell: (ind) => pick(ind.nameEn, ind.nameFr) },
            { header: t('rep.progress.target'), cell: (ind) => ind.targetValue },
            {
              header: t('rep.reported'),
              cell: (ind) => {
                const v = content.indicators.find((x) => x.indicatorId === ind.id);
                return (
                  <>
                    <strong>{v?.value ?? ''}</strong>
                    {v && v.breakdown.length > 0 ? (
                      <ul>
                        {v.breakdown.map((b) => (
                          <li key={`${b.dimension}.${b.category}`}>
                            {t(`gba.dimension.${b.dimension}`)}: {t(`gba.category.${b.category}` as MessageKey)} {b.count}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                );
              },
            },
          ]}
        />
      </ViewSection>
      <ViewSection prefix={prefix} comments={comments} id="narrative">
        <p className="tp-pre">{content.progress}</p>
        {content.challenges ? <p className="tp-pre">{content.challenges}</p> : null}
        {content.lessons ? <p className="tp-pre">{content.lessons}</p> : null}
      </ViewSection>
      <ViewSection prefix={prefix} comments={comments} id="risks">
        <ul>
          {content.risks.map((r, i) => (
            <li key={i}>
              {r.description} — {r.mitigation}
            </li>
          ))}
        </ul>
      </ViewSection>
      {isFinal ? (
        <ViewSection prefix={prefix} comments={comments} id="finalResults">
          <p className="tp-pre">{content.finalResults}</p>
        </ViewSection>
      ) : null}
    </div>
  );
}

function ViewSection({ id, prefix, comments, children }: { id: ReportSection; prefix: string; comments: Partial<Record<ReportSection, string>>; children: ReactNode }) {
  const { t } = useT();
  return (
    <section aria-labelledby={`${prefix}-${id}`} className="tp-section">
      <SectionHeading id={`${prefix}-${id}`}>
        {t(SECTION_LABEL[id])}
      </SectionHeading>
      {comments[id] ? <p className="tp-officer-comment">{t('rep.comment', { comment: comments[id] })}</p> : null}
      {children}
    </section>
  );
}

