namespace RefineSharp.Providers.Oidc.Endpoints;

/// <summary>The provider's endpoint paths under <see cref="OidcAuthOptions.EndpointBasePath"/>.</summary>
internal static class OidcPaths
{
    public static string Start(OidcAuthOptions o) => Base(o) + "/start";

    public static string Logout(OidcAuthOptions o) => Base(o) + "/logout";

    public static string Callback(OidcAuthOptions o, string provider) => Base(o) + "/callback/" + provider;

    public static string SignedOut(OidcAuthOptions o, string provider) => Base(o) + "/signed-out/" + provider;

    public static string Base(OidcAuthOptions o) => o.EndpointBasePath.TrimEnd('/');
}
