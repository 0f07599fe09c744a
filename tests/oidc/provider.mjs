// A real OpenID Connect provider for the tests (issue 11 item 3): the npm package oidc-provider with one
// static confidential client and test accounts. Started by the pytest fixture in tests/oidc/conftest.py:
//   node tests/oidc/provider.mjs <port> <redirect_uri>
// Its built-in development login page accepts any account name (the password is not checked): the
// claims come from ACCOUNTS below, an unknown name gets only its preferred_username.
import Provider from "oidc-provider";

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const ACCOUNTS = {
  "oidc-consulent": { email: "consulent@gemeente.test", given_name: "Olga", family_name: "Consulent", rollen: ["consulent", "beheerder"] },
  "oidc-werkcoach": { email: "werkcoach@gemeente.test", given_name: "Wim", family_name: "Coach", rollen: ["werkcoach"] },
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: "inburgering",
    client_secret: "inburgering-test-geheim",
    redirect_uris: [redirectUri],
    response_types: ["code"],
    grant_types: ["authorization_code"],
    token_endpoint_auth_method: "client_secret_post",
  }],
  claims: {
    openid: ["sub"],
    email: ["email"],
    profile: ["preferred_username", "given_name", "family_name", "rollen"],
  },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, ...(ACCOUNTS[id] || {}) };
      },
    };
  },
  // Grant the scopes and claims the client asks for without a consent screen (a gemeente's provider
  // has the application pre-approved).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    grant.addOIDCClaims(["preferred_username", "given_name", "family_name", "email", "rollen"]);
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },  // the application always sends PKCE (OIDC_USE_PKCE)
});
provider.on("server_error", (ctx, err) => console.error("server_error", err));

provider.listen(Number(port), "127.0.0.1", () => {
  console.log(`oidc-provider klaar op ${issuer}`);
});
