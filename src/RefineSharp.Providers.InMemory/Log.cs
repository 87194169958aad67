using Microsoft.Extensions.Logging;

namespace RefineSharp.Providers.InMemory;

/// <summary>The provider's log messages; none carries a password, a reset code or an email.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "In-memory sign-in failed: unknown email or wrong password.")]
    public static partial void LoginFailed(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "Stubbed social sign-in with {ProviderName}: no real OAuth happened. The in-memory provider is for demos only.")]
    public static partial void SocialLoginStubbed(ILogger logger, string providerName);

    [LoggerMessage(3, LogLevel.Information, "A password reset was requested; if the account exists, a code was put in the in-memory outbox.")]
    public static partial void ResetRequested(ILogger logger);
}
