namespace RefineSharp.Providers.Oidc.Navigation;

/// <summary>
/// Set (per scope: one circuit or one request) when the provider has sent the browser to the identity provider: the
/// engine's own navigation after a successful login (to <c>?to=</c>) would otherwise race the full page load and
/// cancel it. The return path travels with the redirect and is applied after the callback instead.
/// </summary>
internal sealed class RedirectLatch
{
    public bool IsSet { get; private set; }

    public void Set() => IsSet = true;
}
