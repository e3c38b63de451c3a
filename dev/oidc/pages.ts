const styles = `
  *{box-sizing:border-box}
  body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f3f4f6;
    font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937}
  main{width:min(360px,92vw);background:#fff;border:1px solid #e5e7eb;border-radius:10px;
    padding:28px 28px 20px;box-shadow:0 6px 24px rgba(0,0,0,.06)}
  h1{font-size:1.25rem;margin:0 0 4px}
  p.lead{margin:0 0 20px;color:#6b7280;font-size:.9rem}
  label{display:block;font-weight:600;font-size:.85rem;margin:14px 0 4px}
  input{width:100%;padding:9px 11px;border:1px solid #d1d5db;border-radius:6px;font:inherit}
  input:focus{outline:2px solid #2563eb;outline-offset:1px;border-color:#2563eb}
  button{margin-top:20px;width:100%;padding:10px;border:0;border-radius:6px;background:#1d4ed8;
    color:#fff;font:inherit;font-weight:600;cursor:pointer}
  button:hover{background:#1e40af}
  .error{margin:0 0 8px;padding:9px 11px;border-radius:6px;background:#fef2f2;color:#991b1b;
    border:1px solid #fecaca;font-size:.9rem}
  footer{margin-top:18px;color:#9ca3af;font-size:.75rem;text-align:center}
`;

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function renderLoginPage(options: {
  action: string;
  email?: string;
  error?: string;
}): string {
  const error = options.error
    ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  return page(
    'Sign in · LearnTrac',
    `<h1>Sign in to LearnTrac</h1>
<p class="lead">Local sign-in that stands in for the Cognito hosted UI.</p>
${error}
<form method="post" action="${escapeHtml(options.action)}">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="username" required autofocus
    value="${escapeHtml(options.email ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
</form>
<footer>Development identity provider</footer>`,
  );
}

/**
 * The sign-out step of end_session. `form` is the issuer's own form (it carries the
 * anti-forgery token); a hidden `logout=yes` and a submit on load end the session without
 * asking, as Cognito's logout endpoint does. The button covers browsers without scripts.
 */
export function renderLogoutPage(form: string): string {
  const confirming = form.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"></form>',
  );
  return page(
    'Signing out · LearnTrac',
    `<h1>Signing out…</h1>
${confirming}
<button type="submit" form="op.logoutForm">Sign out</button>
<script>document.getElementById('op.logoutForm').submit()</script>`,
  );
}

export function renderSignedOutPage(): string {
  return page(
    'Signed out · LearnTrac',
    '<h1>You are signed out</h1><p class="lead">You can close this window.</p>',
  );
}

export function renderErrorPage(options: { error: string; description?: string }): string {
  return page(
    'Sign-in error · LearnTrac',
    `<h1>Something went wrong</h1>
<p class="error" role="alert">${escapeHtml(options.error)}${
      options.description ? `: ${escapeHtml(options.description)}` : ''
    }</p>`,
  );
}
