/**
 * Key accounts: the portfolio table (Ryals & Knox Table 5 style) at the settings' discount rate and WACC,
 * the sensitivity bars, the directional policy matrix and the scorecard's weights (editable by admins and
 * analysts: saved in the store, every report then uses them); one account's page has the scorecard form, which shows the retention probability and the
 * probability-adjusted CLV live while a value changes, and saves the assessment to the server.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, request, type Session } from '../api';
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import type { Col } from '../components/DataTable';
import { ErrorMessage, Load } from '../components/Status';
import { toCsv } from '../csv';
import { download } from '../download';
import { fmt } from '../format';
import { navigate } from '../router';
import { accountsQuery, useSettings } from '../settings';
import type { AccountRow, AccountsReport, DpmReport, Scorecard, SensitivityReport } from '../types';
import { useApi } from '../use-api';
import { clvAt, scorecardProbability } from '../math';

/** The scorecard's weight per factor; admins and analysts save edited weights for every report. */
function WeightsEditor({ session, onSaved }: { session: Session; onSaved: () => void }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const card = useApi<Scorecard>('accounts/scorecard');
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const canEdit = session.user.role === 'admin' || session.user.role === 'analyst';
  const send = (method: 'PUT' | 'DELETE', body?: Scorecard) => {
    setError(null);
    setSaved(false);
    request<Scorecard>(method, 'accounts/scorecard', {}, body).then(
      () => {
        setWeights({});
        setSaved(true);
        card.reload();
        onSaved();
      },
      (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))),
    );
  };
  return (
    <Load result={card}>
      {(c) => {
        const weightOf = (f: Scorecard['factors'][number]): string => weights[f.id] ?? String(f.weight);
        const submit = (e: FormEvent) => {
          e.preventDefault();
          send('PUT', { ...c, factors: c.factors.map((f) => ({ ...f, weight: Number(weightOf(f)) })) });
        };
        return (
          <form className="panel weights" onSubmit={submit} aria-label={t('scorecardWeights')}>
            <h2>{t('scorecardWeights')}</h2>
            <p data-testid="scorecard-source">
              {t('scorecardSource')}:{' '}
              {c.source === 'saved'
                ? `${t('scorecardSaved')} ${c.savedBy ?? ''}, ${(c.savedAt ?? '').slice(0, 16).replace('T', ' ')} UTC`
                : c.source === 'default'
                  ? t('scorecardDefault')
                  : c.source}
            </p>
            <p>
              <small>{t('weightsHelp')}</small>
            </p>
            <div className="factor-grid">
              {c.factors.map((f) => (
                <label key={f.id}>
                  {f.label}
                  <input
                    name={`weight-${f.id}`}
                    type="number"
                    min={0}
                    step="any"
                    value={weightOf(f)}
                    disabled={!canEdit}
                    aria-label={`${t('weight')}: ${f.label}`}
                    onChange={(e) => {
                      setSaved(false);
                      setWeights((w) => ({ ...w, [f.id]: e.target.value }));
                    }}
                  />
                  <small>{fmt(Number(weightOf(f)), 'decimal', lang)}</small>
                </label>
              ))}
            </div>
            {canEdit && <button type="submit">{t('saveWeights')}</button>}
            {canEdit && c.source === 'saved' && (
              <button type="button" onClick={() => send('DELETE')}>
                {t('resetScorecard')}
              </button>
            )}
            {saved && <p role="status">{t('saved')}</p>}
            {error && <ErrorMessage error={error} />}
          </form>
        );
      }}
    </Load>
  );
}

function AccountsList({ session }: { session: Session }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const q = accountsQuery(settings);
  const report = useApi<AccountsReport>('accounts', q);
  const sens = useApi<SensitivityReport>('accounts/sensitivity', q);
  const dpm = useApi<DpmReport>('accounts/dpm', q);
  const reloadAll = () => {
    report.reload();
    sens.reload();
    dpm.reload();
  };
  const cols: Col[] = [
    { key: 'account', header: t('account'), kind: 'text' },
    { key: 'name', header: t('name'), kind: 'text' },
    { key: 'manager', header: t('manager'), kind: 'text' },
    { key: 'retentionProbability', header: t('retentionProbability'), kind: 'percent' },
    { key: 'clvDiscountRate', header: t('clvDiscount'), kind: 'money' },
    { key: 'clvWacc', header: t('clvWacc'), kind: 'money' },
    { key: 'clvProbabilityAdjusted', header: t('clvAdjusted'), kind: 'money' },
    { key: 'negative', header: t('turnsNegative'), kind: 'text' },
  ];
  return (
    <>
      <h1>{t('accounts')}</h1>
      <Load result={report}>
        {(r) => (
          <section className="panel" aria-label={t('accounts')}>
            <header className="panel-head">
              <h2>
                {t('accounts')} — {t('asOf')} {r.asOf}
              </h2>
              <div className="panel-actions">
                <button
                  type="button"
                  onClick={() =>
                    download(
                      'accounts.csv',
                      toCsv(
                        cols.map((c) => ({ key: c.key, header: c.header })),
                        r.accounts.map((a) => ({ ...a, negative: a.turnsNegative })),
                        lang,
                      ),
                    )
                  }
                >
                  {t('exportCsv')}
                </button>
              </div>
            </header>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    {cols.map((c) => (
                      <th key={c.key} scope="col" className={c.kind === 'text' ? '' : 'num'}>
                        {c.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {r.accounts.map((a) => (
                    <tr key={a.account} data-account={a.account}>
                      <td>
                        <a href={`#/accounts/${encodeURIComponent(a.account)}`}>{a.account}</a>
                      </td>
                      <td>{a.name}</td>
                      <td>{a.manager}</td>
                      <td className="num">{fmt(a.retentionProbability, 'percent', lang)}</td>
                      <td className="num">{fmt(a.clvDiscountRate, 'money', lang)}</td>
                      <td className="num">{fmt(a.clvWacc, 'money', lang)}</td>
                      <td className="num">{fmt(a.clvProbabilityAdjusted, 'money', lang)}</td>
                      <td>{a.turnsNegative ? '⚠ ' + t('turnsNegative').toLowerCase() : ''}</td>
                    </tr>
                  ))}
                  <tr className="total">
                    <td>{t('total')}</td>
                    <td />
                    <td />
                    <td />
                    <td className="num">{fmt(r.totals.clvDiscountRate, 'money', lang)}</td>
                    <td className="num">{fmt(r.totals.clvWacc, 'money', lang)}</td>
                    <td className="num">{fmt(r.totals.clvProbabilityAdjusted, 'money', lang)}</td>
                    <td />
                  </tr>
                </tbody>
              </table>
            </div>
            <p data-testid="accounts-rates">
              {t('ratesInUse')}: {fmt(r.rates.discountRate, 'percent', lang)},{' '}
              {fmt(r.rates.wacc, 'percent', lang)}
            </p>
            <Notes notes={r.notes} />
          </section>
        )}
      </Load>
      <WeightsEditor session={session} onSaved={reloadAll} />
      <Load result={sens}>
        {(s) => {
          const rows = s.accounts.flatMap((a) =>
            a.factors.map((f) => ({
              account: a.account,
              factor: f.factor,
              value: f.value,
              gain: f.up?.clvChange ?? null,
            })),
          );
          const byFactor = new Map<string, number>();
          for (const r of rows) byFactor.set(r.factor, (byFactor.get(r.factor) ?? 0) + (r.gain ?? 0));
          const factors = [...byFactor.entries()].sort((a, b) => a[1] - b[1]);
          return (
            <ChartPanel
              title={t('sensitivity')}
              csvName="accounts-sensitivity"
              columns={[
                { key: 'account', header: t('account'), kind: 'text' },
                { key: 'factor', header: t('factor'), kind: 'text' },
                { key: 'value', header: t('value'), kind: 'decimal' },
                { key: 'gain', header: t('change'), kind: 'money' },
              ]}
              rows={rows}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 170, right: 30, top: 10, bottom: 30 },
                xAxis: { type: 'value' },
                yAxis: { type: 'category', data: factors.map((f) => f[0]) },
                series: [{ type: 'bar', name: t('change'), data: factors.map((f) => f[1]) }],
              }}
            />
          );
        }}
      </Load>
      <Load result={dpm}>
        {(d) => (
          <ChartPanel
            title={t('dpm')}
            csvName="accounts-dpm"
            columns={[
              { key: 'account', header: t('account'), kind: 'text' },
              { key: 'name', header: t('name'), kind: 'text' },
              { key: 'attractiveness', header: t('attractiveness'), kind: 'money' },
              { key: 'strength', header: t('strength'), kind: 'decimal', decimals: 3 },
              { key: 'quadrant', header: t('quadrant'), kind: 'text' },
            ]}
            rows={d.points}
            height={380}
            option={{
              tooltip: { trigger: 'item', formatter: (p: { data: [number, number, string] }) => p.data[2] },
              grid: { left: 90, right: 30, top: 20, bottom: 50 },
              xAxis: { type: 'value', name: t('strength'), nameLocation: 'middle', nameGap: 28, scale: true },
              yAxis: { type: 'value', name: t('attractiveness'), scale: true },
              series: [
                {
                  type: 'scatter',
                  symbolSize: 12,
                  data: d.points.map((p) => [
                    p.strength,
                    p.attractiveness,
                    `${p.account} ${p.name}: ${p.quadrant}`,
                  ]),
                  label: {
                    show: true,
                    formatter: (p: { data: [number, number, string] }) => p.data[2].split(' ')[0] ?? '',
                    position: 'right',
                    fontSize: 10,
                  },
                  markLine: {
                    silent: true,
                    symbol: 'none',
                    lineStyle: { type: 'dashed' },
                    label: { show: false },
                    data: [{ xAxis: d.splits.strength }, { yAxis: d.splits.attractiveness }],
                  },
                },
              ],
            }}
          />
        )}
      </Load>
    </>
  );
}

function ScorecardForm({
  account,
  card,
  session,
  onSaved,
}: {
  account: AccountRow;
  card: Scorecard;
  session: Session;
  onSaved: (row: AccountRow) => void;
}) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const initial = useMemo(
    () => Object.fromEntries(account.factors.map((f) => [f.factor, f.value])),
    [account],
  );
  const [values, setValues] = useState<Record<string, number>>(initial);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const [assessedOn, setAssessedOn] = useState('');
  const p0 = account.retentionProbability;
  const p = scorecardProbability(card, values);
  const canEdit = session.user.role !== 'viewer';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const body = assessedOn ? { assessedOn, factors: values } : { factors: values };
    request<AccountRow>('POST', `accounts/${encodeURIComponent(account.account)}/assessments`, {}, body).then(
      (row) => {
        setSaved(true);
        onSaved(row);
      },
      (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))),
    );
  };
  return (
    <form className="panel scorecard" onSubmit={submit} aria-label={t('scorecard')}>
      <h2>{t('scorecard')}</h2>
      <div className="live" aria-live="polite">
        <p>
          {t('retentionProbability')}:{' '}
          <strong data-testid="live-probability">{fmt(p, 'percent', lang)}</strong> (
          {t('previous').toLowerCase()} {fmt(p0, 'percent', lang)})
        </p>
        <p>
          {t('clvAdjusted')}:{' '}
          <strong data-testid="live-clv">{fmt(p === null ? null : clvAt(account, p), 'money', lang)}</strong>{' '}
          ({t('previous').toLowerCase()} {fmt(account.clvProbabilityAdjusted, 'money', lang)})
        </p>
      </div>
      <div className="factor-grid">
        {card.factors.map((f) => (
          <label key={f.id}>
            {f.label}
            {f.subjective ? ' *' : ''}
            <input
              name={f.id}
              type="number"
              min={f.min}
              max={f.kind === 'scale1to5' ? 5 : undefined}
              step="any"
              value={values[f.id] ?? ''}
              disabled={!canEdit}
              onChange={(e) => setValues((v) => ({ ...v, [f.id]: Number(e.target.value) }))}
            />
          </label>
        ))}
      </div>
      {canEdit && (
        <label className="inline">
          {t('assessedOn')}
          <input
            name="assessedOn"
            type="date"
            value={assessedOn}
            onChange={(e) => setAssessedOn(e.target.value)}
          />
          <small>{t('today')}</small>
        </label>
      )}
      {canEdit && (
        <button type="submit" disabled={p === null}>
          {t('save')}
        </button>
      )}
      {saved && <p role="status">{t('saved')}</p>}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

function AccountDetail({ id, session }: { id: string; session: Session }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const q = accountsQuery(settings);
  const account = useApi<AccountRow | AccountsReport>(`accounts/${encodeURIComponent(id)}`, q);
  const card = useApi<Scorecard>('accounts/scorecard');
  // after a save, the server's figures as of the assessment day
  const [saved, setSaved] = useState<AccountRow | null>(null);
  return (
    <>
      <p>
        <button type="button" onClick={() => navigate('accounts')}>
          ← {t('back')}
        </button>
      </p>
      <Load result={account}>
        {(data) => {
          const a = saved ?? ('accounts' in data ? data.accounts[0] : data);
          if (!a) return <ErrorMessage error={new ApiError(404, { code: 'not-found', message: id })} />;
          return (
            <>
              <h1>
                {a.account} {a.name}
              </h1>
              <dl className="facts">
                <dt>{t('assessedOn')}</dt>
                <dd data-testid="account-assessed-on">{a.assessedOn}</dd>
                <dt>{t('manager')}</dt>
                <dd>{a.manager}</dd>
                <dt>{t('retentionProbability')}</dt>
                <dd data-testid="account-probability">{fmt(a.retentionProbability, 'percent', lang)}</dd>
                <dt>{t('clvWacc')}</dt>
                <dd>{fmt(a.clvWacc, 'money', lang)}</dd>
                <dt>{t('clvAdjusted')}</dt>
                <dd data-testid="account-clv">{fmt(a.clvProbabilityAdjusted, 'money', lang)}</dd>
              </dl>
              <Load result={card}>
                {(c) => (
                  <ScorecardForm key={a.account} account={a} card={c} session={session} onSaved={setSaved} />
                )}
              </Load>
              <TablePanel
                title={t('factor')}
                csvName={`account-${a.account}-factors`}
                columns={[
                  { key: 'factor', header: t('factor'), kind: 'text' },
                  { key: 'value', header: t('value'), kind: 'decimal' },
                  { key: 'probability', header: t('retentionProbability'), kind: 'percent' },
                ]}
                rows={a.factors}
              />
            </>
          );
        }}
      </Load>
    </>
  );
}

export function AccountsPage({ id, session }: { id: string | undefined; session: Session }) {
  return id ? <AccountDetail id={id} session={session} /> : <AccountsList session={session} />;
}
