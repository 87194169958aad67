using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RefineSharp.Providers.Oidc.Claims;
using RefineSharp.Providers.Oidc.Endpoints;
using RefineSharp.Providers.Oidc.Navigation;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Oidc;

/// <summary>
/// A ready <see cref="AuthProvider"/> for OpenID Connect identity providers, on OpenIddict's client: login with a
/// provider name sends the browser through the authorization code flow with PKCE (the validated <c>?to=</c> comes back
/// with it), the tokens live in the server-side session, check reads the session (refreshing single-flight before the
/// access token expires), logout ends the local session and then the identity provider's, identity and permissions
/// come from the ID token (and the access token for roles). Register it with <c>AddOidcAuth(...)</c> after
/// <c>AddBlazor().AddServerSessions()</c>, and map its endpoints with <c>app.MapRefineOidc()</c>.
/// </summary>
public sealed class OidcAuthProvider : AuthProvider
{
    private readonly OidcProviderLookup _providers;
    private readonly TokenRefreshCoordinator _tokens;
    private readonly LatchedNavigator _navigator;
    private readonly LogoutHandover _handover;
    private readonly string _returnPathParameter;
    private readonly IStringLocalizer<OidcTexts> _texts;

    internal OidcAuthProvider(
        OidcProviderLookup providers,
        TokenRefreshCoordinator tokens,
        LatchedNavigator navigator,
        LogoutHandover handover,
        IOptions<RefineOptions> refine,
        IStringLocalizer<OidcTexts> texts)
    {
        _texts = texts;
        _providers = providers;
        _tokens = tokens;
        _navigator = navigator;
        _handover = handover;
        _returnPathParameter = refine.Value.ReturnPathParameter;
    }

    private OidcAuthOptions Options => _providers.Options;

    /// <summary>
    /// Sends the browser to the identity provider named by <see cref="LoginRequest.ProviderName"/> (or the only one
    /// configured). The current page's validated <c>?to=</c> travels inside OpenIddict's protected state and is
    /// checked again when the browser comes back. The result is a success with no redirect of its own: the page is
    /// already on its way out.
    /// </summary>
    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var provider = request.ProviderName is { } name ? _providers.ByName(name)
            : Options.Providers.Count == 1 ? Options.Providers[0] : null;
        if (provider is null)
        {
            return Task.FromResult(AuthActionResult.Fail(_texts[TextKeys.FailedTitle], _texts[TextKeys.UnknownProvider]));
        }

        var to = ReturnPath() ?? (LocalRedirect.IsLocal(request.RedirectPath) ? request.RedirectPath : null);
        var start = QueryHelpers.AddQueryString(OidcPaths.Start(Options), new Dictionary<string, string?> { ["provider"] = provider.Name, ["to"] = to });
        _navigator.NavigateAndLatch(start);
        return Task.FromResult(AuthActionResult.Ok());
    }

    /// <summary>
    /// Ends the local session at once (every tab and instance), then goes to the identity provider's logout
    /// (RP-initiated, with the ID token as hint, handed over through a single-use server-side entry) and back to
    /// <see cref="OidcAuthOptions.AfterLogoutPath"/>; straight to the login page when the provider has no logout.
    /// </summary>
    public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        var tokens = await _tokens.Store.GetAsync(cancellationToken);
        var provider = tokens is null ? null : await _providers.ForTokensAsync(tokens, cancellationToken);
        string? handle = null;
        if (provider is { EndSessionAtProvider: true } && tokens?.IdToken is { Length: > 0 } idToken)
        {
            handle = await _handover.StoreAsync(provider.Name, idToken, CancellationToken.None);
        }

        await _tokens.Store.ClearAsync(CancellationToken.None);
        return AuthActionResult.Ok(handle is null
            ? Options.LoginPath
            : QueryHelpers.AddQueryString(OidcPaths.Logout(Options), "h", handle));
    }

    /// <summary>Authenticated while the session holds tokens that are valid or could be refreshed; the refresh runs once per session.</summary>
    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        // A failed refresh has already ended the session (the coordinator logs out once); nothing left to clear.
        return await _tokens.GetValidTokenAsync(cancellationToken) is null
            ? CheckResult.Fail(Options.LoginPath)
            : CheckResult.Ok();
    }

    /// <summary>A 401 refreshes the session once (shared by every caller); only when that fails does the user log out. Other statuses are not about the session.</summary>
    public override async Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.StatusCode != (int)HttpStatusCode.Unauthorized)
        {
            return OnErrorResult.Ignore();
        }

        if (await _tokens.Store.GetAsync(cancellationToken) is not { } current)
        {
            return OnErrorResult.NavigateTo(Options.LoginPath);
        }

        return await _tokens.ForceRefreshAsync(current, cancellationToken) is null
            ? OnErrorResult.LogoutTo(Options.LoginPath)
            : OnErrorResult.Ignore();
    }

    /// <summary>The user from the ID token: sub, name, email, picture and roles (a <see cref="UserIdentity"/>).</summary>
    public override async Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default)
    {
        var tokens = await _tokens.GetValidTokenAsync(cancellationToken);
        return tokens is not null && await _providers.ForTokensAsync(tokens, cancellationToken) is { } provider
            ? OidcIdentityReader.Identity(tokens, provider)
            : null;
    }

    /// <summary>The roles from the provider's <see cref="OidcProviderOptions.RoleClaims"/>, as a list of strings.</summary>
    public override async Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default)
    {
        var tokens = await _tokens.GetValidTokenAsync(cancellationToken);
        return tokens is not null && await _providers.ForTokensAsync(tokens, cancellationToken) is { } provider
            ? OidcIdentityReader.Roles(tokens, provider)
            : null;
    }

    private string? ReturnPath()
    {
        var current = _navigator.CurrentUri;
        var query = current.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        var end = current.IndexOf('#', query);
        var values = QueryHelpers.ParseQuery(end < 0 ? current[query..] : current[query..end]);
        return values.TryGetValue(_returnPathParameter, out var to) && to.Count == 1 && LocalRedirect.IsLocal(to[0]) ? to[0] : null;
    }
}
