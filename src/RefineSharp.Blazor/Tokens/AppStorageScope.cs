using Microsoft.AspNetCore.Components;

namespace RefineSharp.Blazor;

/// <summary>
/// Names that browser-wide facilities (localStorage keys, BroadcastChannel and Web Locks names) get per app: an app at
/// "/" uses the bare name, an app under a base path appends ":" and that path, so two RefineSharp apps under one
/// origin ("/app1/" and "/app2/") never read, clear or lock each other's session.
/// </summary>
internal static class AppStorageScope
{
    /// <summary>The default token storage key (followed by the base path when the app is not at "/").</summary>
    public const string TokenKeyPrefix = "refine-sharp.tokens";

    /// <summary>The default cross-tab channel name (followed by the base path when the app is not at "/").</summary>
    public const string ChannelPrefix = "refine-sharp-auth";

    /// <summary>The prefix of the Web Locks name that makes token refreshes single-flight across tabs.</summary>
    public const string RefreshLockPrefix = "refine-sharp.refresh:";

    /// <summary><paramref name="name"/>, scoped to the app whose base URI is <paramref name="baseUri"/>.</summary>
    public static string Scoped(string name, string baseUri)
    {
        var path = new Uri(baseUri, UriKind.Absolute).AbsolutePath;
        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        return path == "/" ? name : name + ":" + path;
    }

    /// <summary><paramref name="name"/>, scoped to the app <paramref name="navigation"/> belongs to.</summary>
    public static string Scoped(string name, NavigationManager navigation) => Scoped(name, navigation.BaseUri);
}
