using Microsoft.Extensions.Options;

namespace RefineSharp.Tokens;

/// <summary>Rejects <see cref="TokenRefreshOptions"/> that would make every refresh fail or never happen, naming the option and the fix.</summary>
internal sealed class TokenRefreshOptionsValidator : IValidateOptions<TokenRefreshOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenRefreshOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> are invalid (for coordinators built without DI).</summary>
    public static void ThrowIfInvalid(TokenRefreshOptions options)
    {
        var failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TokenRefreshOptions), failures);
        }
    }

    private static List<string> Failures(TokenRefreshOptions options)
    {
        var failures = new List<string>();
        if (options.RefreshSkew < TimeSpan.Zero || options.RefreshSkew > TokenRefreshOptions.MaxRefreshSkew)
        {
            failures.Add(
                $"TokenRefreshOptions.RefreshSkew is {options.RefreshSkew}; it must be between 00:00:00 and {TokenRefreshOptions.MaxRefreshSkew}. " +
                "Set it in AddTokenRefresh<TRefresher>(o => o.RefreshSkew = TimeSpan.FromSeconds(30)) (the default).");
        }

        if (options.RefreshTimeout <= TimeSpan.Zero || options.RefreshTimeout > TokenRefreshOptions.MaxRefreshTimeout)
        {
            failures.Add(
                $"TokenRefreshOptions.RefreshTimeout is {options.RefreshTimeout}; it must be more than zero and at most {TokenRefreshOptions.MaxRefreshTimeout} " +
                "(zero would fail every refresh). Set it in AddTokenRefresh<TRefresher>(o => o.RefreshTimeout = TimeSpan.FromSeconds(30)) (the default).");
        }

        return failures;
    }
}
