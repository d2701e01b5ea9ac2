import { unusedStep } from './demo-sign-in';
import { formsOf, pageError } from './sign-in';

// Trimmed from Keycloak 26.7's keycloak.v2 login pages.
const KEYCLOAK_LOGIN = `<form id="kc-form-login" onsubmit="login.disabled = true; return true;"
  action="http://localhost:18080/realms/transport/login-actions/authenticate?session_code=abc&amp;execution=e1&amp;client_id=single-window-cli&amp;tab_id=t1" method="post">
  <input tabindex="1" id="username" name="username" value="" type="text" autofocus autocomplete="username">
  <input tabindex="2" id="password" name="password" value="" type="password" autocomplete="current-password">
  <input type="checkbox" id="rememberMe" name="rememberMe">
  <input type="hidden" id="id-hidden-input" name="credentialId"/>
</form>`;
const KEYCLOAK_OTP_ERROR = `<div id="input-error-container-username">
    </div>
<form id="kc-otp-login-form" action="http://localhost:18080/realms/transport/login-actions/authenticate?session_code=x&amp;tab_id=t" method="post">
  <input id="selectedCredentialId" type="hidden" name="selectedCredentialId" value="05f8dfc5">
  <input id="otp" name="otp" value="" type="text" autocomplete="one-time-code" aria-invalid="true"/>
  <div id="input-error-container-otp"><div class="pf-v5-c-helper-text"><div class="pf-v5-c-helper-text__item pf-m-error" id="input-error-otp">
    <span class="pf-v5-c-helper-text__item-text pf-m-error kc-feedback-text">
        Invalid authenticator code.
    </span></div></div></div>
</form>`;

describe('the browser sign-in client', () => {
  it("reads Keycloak's login form: its action with entities decoded and its named inputs", () => {
    const [form] = formsOf(KEYCLOAK_LOGIN);
    expect(form.id).toBe('kc-form-login');
    expect(form.action).toBe(
      'http://localhost:18080/realms/transport/login-actions/authenticate?session_code=abc&execution=e1&client_id=single-window-cli&tab_id=t1',
    );
    // An unticked checkbox is not sent, as a browser would not send it.
    expect([...form.fields.keys()]).toEqual(['username', 'password', 'credentialId']);
  });

  it('keeps hidden inputs of the code form and reads the error Keycloak shows', () => {
    const [form] = formsOf(KEYCLOAK_OTP_ERROR);
    expect(form.fields.get('selectedCredentialId')).toBe('05f8dfc5');
    expect(form.fields.has('otp')).toBe(true);
    expect(pageError(KEYCLOAK_OTP_ERROR)).toBe('Invalid authenticator code.');
    expect(
      pageError('<p class="error" id="kc-error-message" role="alert">动态口令无效。Invalid authenticator code.</p>'),
    ).toBe('动态口令无效。Invalid authenticator code.');
    expect(pageError('<html><body>nothing</body></html>')).toBeUndefined();
  });
});

describe('choosing a one-time code step not used before', () => {
  const period = 30_000;
  it('takes the current step, then the next one within the window, then waits', () => {
    expect(unusedStep(100, undefined, 1, 5_000, period)).toEqual({ step: 100, waitMs: 0 });
    expect(unusedStep(100, 99, 1, 5_000, period)).toEqual({ step: 100, waitMs: 0 });
    expect(unusedStep(100, 100, 1, 5_000, period)).toEqual({ step: 101, waitMs: 0 });
    expect(unusedStep(100, 101, 1, 5_000, period)).toEqual({ step: 102, waitMs: 25_500 });
    // Too close to the end of a step to send a look-ahead code safely.
    expect(unusedStep(100, 100, 1, 29_000, period)).toEqual({ step: 101, waitMs: 1_500 });
    expect(unusedStep(100, 100, 0, 5_000, period)).toEqual({ step: 101, waitMs: 25_500 });
  });
});
