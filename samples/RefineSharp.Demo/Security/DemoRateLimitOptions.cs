namespace RefineSharp.Demo.Security;

/// <summary>
/// The rate limits of the Identity API (configuration section Demo:RateLimits, e.g. Demo__RateLimits__SignIn__PerAccount).
/// Each endpoint has a fixed window and two budgets: requests per account (the normalized email in the body, or the
/// refresh token) and requests per client (the remote IP; not applied to the app's own circuit calls, see DemoAppHop).
/// </summary>
public sealed class DemoRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Demo:RateLimits";

    /// <summary>POST /identity/login.</summary>
    public DemoRateLimit SignIn { get; set; } = new() { PerAccount = 10, PerClient = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>POST /identity/register.</summary>
    public DemoRateLimit Register { get; set; } = new() { PerAccount = 3, PerClient = 10, Window = TimeSpan.FromMinutes(10) };

    /// <summary>POST /identity/forgotPassword (each accepted request may send an email).</summary>
    public DemoRateLimit ForgotPassword { get; set; } = new() { PerAccount = 3, PerClient = 10, Window = TimeSpan.FromMinutes(15) };

    /// <summary>POST /identity/resetPassword.</summary>
    public DemoRateLimit ResetPassword { get; set; } = new() { PerAccount = 5, PerClient = 20, Window = TimeSpan.FromMinutes(15) };

    /// <summary>POST /identity/resendConfirmationEmail (each accepted request may send an email).</summary>
    public DemoRateLimit ResendConfirmation { get; set; } = new() { PerAccount = 3, PerClient = 10, Window = TimeSpan.FromMinutes(15) };

    /// <summary>POST /identity/refresh; "account" is the refresh token, which a client needs once per access-token lifetime.</summary>
    public DemoRateLimit Refresh { get; set; } = new() { PerAccount = 5, PerClient = 60, Window = TimeSpan.FromMinutes(1) };
}
