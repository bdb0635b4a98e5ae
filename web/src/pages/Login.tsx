/** Login: user name and password; the server sets the session cookie and returns the CSRF token. */
import { useState, type FormEvent } from 'react';
import { login, type Session } from '../api';
import { useSettings } from '../settings';

export function LoginPage({ onLogin }: { onLogin: (s: Session) => void }) {
  const { t, settings, update } = useSettings();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    login(username, password).then(onLogin, (err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    });
  };

  return (
    <main className="login">
      <h1>{t('appTitle')}</h1>
      <form onSubmit={submit} aria-label={t('login')}>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('login')}
        </button>
        {error && (
          <p role="alert" className="error">
            {t('loginFailed')}: {error}
          </p>
        )}
        <label>
          {t('language')}
          <select
            value={settings.lang}
            onChange={(e) => update({ lang: e.target.value === 'sv' ? 'sv' : 'en' })}
          >
            <option value="en">English</option>
            <option value="sv">Svenska</option>
          </select>
        </label>
      </form>
    </main>
  );
}
