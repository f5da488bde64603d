// A real OpenID Connect provider for the browser test of st.login (tests/browser/test_oidc_browser.py).
// oidc-provider's development login form accepts any login name with any password; the login name is
// the identity's e-mail address (verified). Settings from the environment:
//   OIDC_PORT        port on 127.0.0.1
//   OIDC_REDIRECT    the dashboard's redirect URI (…/oauth2callback)
//   OIDC_ID_TTL      lifetime of an ID token in seconds (the test makes it short to see it expire)
// Prints "ready <issuer>" once it listens.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const idTtl = Number(process.env.OIDC_ID_TTL || 600);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "qf-dashboard",
      client_secret: "qf-dashboard-test-secret",
      redirect_uris: [process.env.OIDC_REDIRECT],
      post_logout_redirect_uris: [process.env.OIDC_REDIRECT], // Streamlit returns to its callback
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // The claims in the ID token itself: Streamlit's st.user is what the ID token says.
  conformIdTokenClaims: false,
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id, email_verified: true, name: id }),
  }),
  // A first-party client: no consent screen (the grant is made at once).
  loadExistingGrant: async (ctx) => {
    const existing = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  ttl: { IdToken: idTtl, AccessToken: idTtl, Session: 3600, Grant: 3600, Interaction: 600 },
  cookies: { keys: ["qf-oidc-test-cookie-key"] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
});

provider.listen(port, "127.0.0.1", () => console.log(`ready ${issuer}`));
