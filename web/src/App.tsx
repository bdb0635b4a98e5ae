/** The dashboard shell: the session (login or pages), the navigation by role and the page router. */
import { useEffect, useState } from 'react';
import { ApiError, currentSession, logout, setCsrfToken, type Role, type Session } from './api';
import type { LabelKey } from './i18n';
import { useRoute } from './router';
import { useSettings } from './settings';
import { LoginPage } from './pages/Login';
import { OverviewPage } from './pages/Overview';
import { TiersPage } from './pages/Tiers';
import { FlowsPage } from './pages/Flows';
import { RetentionPage } from './pages/Retention';
import { ConcentrationPage } from './pages/Concentration';
import { WhatIfPage } from './pages/WhatIf';
import { AccountsPage } from './pages/Accounts';
import { ModelsPage } from './pages/Models';
import { ServicePage } from './pages/Service';
import { SatisfactionPage } from './pages/Satisfaction';
import { KpiPage } from './pages/Kpi';
import { StrategyPage } from './pages/Strategy';
import { SubscriptionsPage } from './pages/Subscriptions';
import { ProgrammePage } from './pages/Programme';
import { DataPage } from './pages/Data';
import { SettingsPage } from './pages/Settings';
import { CustomerPage } from './pages/Customer';

interface PageDef {
  path: string;
  label: LabelKey;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['admin', 'analyst', 'account_manager', 'viewer'];
const ANALYSTS: readonly Role[] = ['admin', 'analyst'];
const ACCOUNTS: readonly Role[] = ['admin', 'analyst', 'account_manager'];

/** The pages in navigation order and who sees them (the server enforces the same per endpoint). */
export const PAGES: readonly PageDef[] = [
  { path: 'overview', label: 'overview', roles: ALL },
  { path: 'tiers', label: 'tiers', roles: ALL },
  { path: 'flows', label: 'flows', roles: ALL },
  { path: 'retention', label: 'retention', roles: ALL },
  { path: 'concentration', label: 'concentration', roles: ALL },
  { path: 'what-if', label: 'whatIf', roles: ALL },
  { path: 'customer', label: 'customer', roles: ALL },
  { path: 'accounts', label: 'accounts', roles: ACCOUNTS },
  { path: 'models', label: 'models', roles: ANALYSTS },
  { path: 'service', label: 'service', roles: ALL },
  { path: 'satisfaction', label: 'satisfaction', roles: ALL },
  { path: 'subscriptions', label: 'subscriptions', roles: ALL },
  { path: 'programme', label: 'programme', roles: ALL },
  { path: 'strategy', label: 'strategy', roles: ALL },
  { path: 'kpi', label: 'kpi', roles: ALL },
  { path: 'data', label: 'data', roles: ANALYSTS },
  { path: 'settings', label: 'settings', roles: ALL },
];

function Page({ route, session }: { route: string[]; session: Session }) {
  const [page = 'overview', ...rest] = route;
  switch (page) {
    case 'tiers':
      return <TiersPage />;
    case 'flows':
      return <FlowsPage />;
    case 'retention':
      return <RetentionPage />;
    case 'concentration':
      return <ConcentrationPage />;
    case 'what-if':
      return <WhatIfPage />;
    case 'accounts':
      return <AccountsPage id={rest[0]} session={session} />;
    case 'models':
      return <ModelsPage />;
    case 'service':
      return <ServicePage />;
    case 'satisfaction':
      return <SatisfactionPage />;
    case 'subscriptions':
      return <SubscriptionsPage />;
    case 'programme':
      return <ProgrammePage />;
    case 'strategy':
      return <StrategyPage session={session} />;
    case 'kpi':
      return <KpiPage session={session} />;
    case 'data':
      return <DataPage session={session} />;
    case 'customer':
      return <CustomerPage id={rest[0]} session={session} />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <OverviewPage />;
  }
}

export function App() {
  const { t, settings } = useSettings();
  const route = useRoute();
  const [session, setSession] = useState<Session | null | 'checking'>('checking');

  useEffect(() => {
    currentSession().then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      },
      (e: unknown) => {
        if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
        setSession(null);
      },
    );
  }, []);

  useEffect(() => {
    document.documentElement.lang = settings.lang;
  }, [settings.lang]);

  if (session === 'checking')
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  if (session === null)
    return (
      <LoginPage
        onLogin={(s) => {
          setCsrfToken(s.csrfToken);
          setSession(s);
        }}
      />
    );

  const active = route[0] ?? 'overview';
  const pages = PAGES.filter((p) => p.roles.includes(session.user.role));
  return (
    <div className="shell">
      <a
        className="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        {t('skipLink')}
      </a>
      <nav aria-label="pages">
        <div className="brand">CVM</div>
        <ul>
          {pages.map((p) => (
            <li key={p.path}>
              <a href={`#/${p.path}`} aria-current={active === p.path ? 'page' : undefined}>
                {t(p.label)}
              </a>
            </li>
          ))}
        </ul>
        <div className="who">
          <span data-testid="user">
            {session.user.displayName ?? session.user.username} ({session.user.role})
          </span>
          <button
            type="button"
            onClick={() => {
              logout().then(
                () => setSession(null),
                () => setSession(null),
              );
            }}
          >
            {t('logout')}
          </button>
        </div>
      </nav>
      <main id="main" tabIndex={-1}>
        <Page route={route} session={session} />
      </main>
    </div>
  );
}
