namespace RefineSharp.Providers.InMemory;

/// <summary>Options of the in-memory auth provider.</summary>
public sealed class InMemoryAuthOptions
{
    /// <summary>The users that exist when the app starts. Default: none.</summary>
    public IList<InMemoryUser> Users { get; } = new List<InMemoryUser>();

    /// <summary>Where to go after a login or a registration. Default: "/".</summary>
    public string HomePath { get; set; } = "/";

    /// <summary>Where to go after a logout, a failed check or a 401. Default: "/login".</summary>
    public string LoginPath { get; set; } = "/login";

    /// <summary>How long a password reset code stays valid. Default: one hour.</summary>
    public TimeSpan ResetCodeLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// PBKDF2 (SHA-256) iterations used to hash passwords. Default: 100,000 on a server; 1,000 in the browser
    /// (WebAssembly), where the hash runs interpreted on the page's only thread and the configured passwords ship with
    /// the app anyway. Lower it on a server only in tests.
    /// </summary>
    public int PasswordHashIterations { get; set; } = DefaultPasswordHashIterations(OperatingSystem.IsBrowser());

    /// <summary>
    /// The default of <see cref="PasswordHashIterations"/>. In the browser 100,000 iterations take seconds per hash
    /// (the store hashes every configured user at the first check), freezing the page while they run.
    /// </summary>
    internal static int DefaultPasswordHashIterations(bool inBrowser) => inBrowser ? 1_000 : 100_000;
}
